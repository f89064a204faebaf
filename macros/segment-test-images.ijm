// The main job on the embedded test images: trains the two learned methods on test-images/train, segments
// test-images/test with every method, scores each against the truth, and writes everything a person or a
// script needs into the output folder (default out/):
//   <method>/labels/*.png, <method>/labels.csv (challenge CSV), <method>/rand-index.csv (per-slice ARI),
//   models/weka.model, models/unet/, compare/report.html (side-by-side montage, table, plot).
// Run from the project root:   bin/imagej-batch macros/segment-test-images.ijm [OUTPUT_FOLDER]
// or with keys:                 bin/imagej-batch macros/segment-test-images.ijm "output=out unlabelled=test-images/test/images"
// unlabelled= (optional): a folder of raw slices without masks that the U-Net learns from too.
arg = getArgument();
out = arg;
unlabelled = "";
if (indexOf(arg, "=") >= 0) {
	out = call("ij.Macro.getValue", arg, "output", "out");
	unlabelled = call("ij.Macro.getValue", arg, "unlabelled", "");
}
if (out == "") out = "out";
open("train", "images", "train-ct");
open("train", "labels", "train-labels");
open("test", "images", "test-ct");
open("test", "labels", "test-labels");

weka = out + "/models/weka.model";
unet = out + "/models/unet";
run("Train Weka Few-Shot", "ct=train-ct labels=train-labels model=[" + weka + "]");
// A small, fast network for the small phantoms (300 steps of 4 tiles of 256x256): real data wants the
// defaults (see README).
options = "epochs=150 width=8 depth=3 learning_rate=0.003";
if (unlabelled != "") {
	run("Open CT Slices", "folder=[" + unlabelled + "]");
	rename("unlabelled-ct");
	options = options + " unlabelled=unlabelled-ct";
}
run("Train U-Net", "ct=train-ct labels=train-labels model=[" + unet + "] " + options);

run("Sobel Watershed Baseline", "ct=test-ct");
run("Apply Weka Few-Shot", "ct=test-ct model=[" + weka + "]");
run("Segment with U-Net", "ct=test-ct model=[" + unet + "]");
methods = newArray("baseline", "weka", "unet");
for (i = 0; i < methods.length; i++) {
	labels = "test-ct-" + methods[i];
	folder = out + "/" + methods[i];
	run("Rand Index", "truth=test-labels prediction=" + labels + " table_file=[" + folder + "/rand-index.csv]");
	run("Export Challenge Labels", "labels=" + labels + " csv=[" + folder + "/labels.csv]");
	run("Save Label Slices", "labels=" + labels + " folder=[" + folder + "/labels]");
}
run("Compare Methods", "ct=test-ct truth=test-labels baseline=true weka=[" + weka + "] unet=[" + unet +
	"] output=[" + out + "/compare]");
print("Few-Shot CT: results in " + out + "; open " + out + "/compare/report.html");

function open(part, kind, title) {
	run("Open CT Slices", "folder=[test-images/" + part + "/" + kind + "]");
	rename(title);
}
