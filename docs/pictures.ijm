// Makes the README's pictures from the real CT slices, headless:
//   bin/imagej-batch docs/pictures.ijm /work/shared/data/real-ct      (from the project folder)
// docs/overlay.png: Label Overlay on three ts_example_ct slices. docs/compare-montage.png and
// docs/compare-plot.png: Compare Methods on ts_dicom_train (slice 005 of the montage): the baseline, and Weka
// trained on five slices of the other scan, ts_example_ct.
root = getArgument();
if (root == "") exit("pictures.ijm needs the real-ct folder as its argument");
docs = call("java.lang.System.getProperty", "user.dir") + "/docs/";

run("Open CT Slices", "folder=[" + root + "/ts_example_ct/images]");
ct = getTitle();
run("Open CT Slices", "folder=[" + root + "/ts_example_ct/labels]");
labels = getTitle();
run("Label Overlay", "ct=[" + ct + "] labels=[" + labels + "]");
makeRectangle(0, 62, 512, 400); // the body, without the padding around it
run("Crop");
run("Make Montage...", "columns=3 rows=1 scale=0.75 first=45 last=89 increment=22 border=4 font=14 label use");
run("8-bit Color", "number=256"); // a quarter of the RGB file size, and no visible change
saveAs("PNG", docs + "overlay.png");

selectImage(labels);
run("Make Substack...", "slices=86-110-6");
rename("train-labels");
selectImage(ct);
run("Make Substack...", "slices=86-110-6");
rename("train-ct");
weka = getDirectory("temp") + "few-shot-ct-pictures.weka";
run("Train Weka Few-Shot", "ct=train-ct labels=train-labels model=[" + weka + "]");
close("*"); // the next stacks have the same titles

run("Open CT Slices", "folder=[" + root + "/ts_dicom_train/images]");
ct = getTitle();
makeRectangle(0, 150, 512, 280); // the body, without the table and the air around it
run("Crop");
run("Open CT Slices", "folder=[" + root + "/ts_dicom_train/labels]");
truth = getTitle();
makeRectangle(0, 150, 512, 280);
run("Crop");
run("Compare Methods", "ct=[" + ct + "] truth=[" + truth + "] baseline=true weka=[" + weka + "]");
selectImage(ct + "-compare");
setSlice(5);
run("Duplicate...", "title=page");
run("Scale...", "x=0.65 y=0.65 interpolation=Bilinear average create title=small");
run("8-bit Color", "number=256");
saveAs("PNG", docs + "compare-montage.png");
selectImage(ct + "-plot");
saveAs("PNG", docs + "compare-plot.png");
