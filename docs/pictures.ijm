// Makes the README's pictures from the suite's own synthetic phantoms (no real data), headless:
//   bin/imagej-batch docs/pictures.ijm            (from the project folder)
// docs/overlay.png: Label Overlay on three slices of one synthetic patient. docs/compare-montage.png and
// docs/compare-plot.png: Compare Methods on another synthetic patient: the baseline, and Weka trained on a third.
docs = call("java.lang.System.getProperty", "user.dir") + "/docs/";

run("Synthetic CT Phantoms", "slices=12 seed=21 size=512");
ct = phantomTitle("ct", "overlay-ct");
labels = phantomTitle("labels", "overlay-labels");
run("Label Overlay", "ct=[" + ct + "] labels=[" + labels + "]");
makeRectangle(0, 62, 512, 400); // the body, without the air around it
run("Crop");
run("Make Montage...", "columns=3 rows=1 scale=0.75 first=2 last=10 increment=4 border=4 font=14 label use");
run("8-bit Color", "number=256"); // a quarter of the RGB file size, and no visible change
saveAs("PNG", docs + "overlay.png");
close("*");

run("Synthetic CT Phantoms", "slices=6 seed=22 size=512");
trainCt = phantomTitle("ct", "train-ct");
trainLabels = phantomTitle("labels", "train-labels");
weka = getDirectory("temp") + "few-shot-ct-pictures.weka";
run("Train Weka Few-Shot", "ct=[" + trainCt + "] labels=[" + trainLabels + "] model=[" + weka + "]");
close("*");

run("Synthetic CT Phantoms", "slices=6 seed=23 size=512");
ct = phantomTitle("ct", "ct");
truth = phantomTitle("labels", "truth");
run("Compare Methods", "ct=[" + ct + "] truth=[" + truth + "] baseline=true weka=[" + weka + "]");
selectImage(ct + "-compare");
setSlice(3);
run("Duplicate...", "title=page");
run("Scale...", "x=0.65 y=0.65 interpolation=Bilinear average create title=small");
run("8-bit Color", "number=256");
saveAs("PNG", docs + "compare-montage.png");
selectImage(ct + "-plot");
saveAs("PNG", docs + "compare-plot.png");

// The phantom command's two stacks get fixed titles; rename them so the next call's titles cannot clash.
function phantomTitle(kind, title) {
	selectImage("phantom-" + kind);
	rename(title);
	return title;
}
