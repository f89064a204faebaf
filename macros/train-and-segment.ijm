// The challenge workflow on your own data: trains a method on labelled training slices, segments the test
// slices with it and writes a challenge CSV (a submission) and one label PNG per test slice.
//   bin/imagej-batch macros/train-and-segment.ijm "train=/data/x_train labels=/data/y_train.csv test=/data/x_test method=weka output=/results/weka"
// train=   folder of training CT slices (PNG/TIFF)
// labels=  their instance masks: a folder of label PNGs or a challenge CSV; masks for only some slices pair
//          with the training slices of the same names
// test=    folder of test CT slices
// method=  weka (default), unet or baseline (nothing to train)
// output=  folder for labels.csv, labels/*.png and the model (weka.model or unet/)
// truth=   optional: test masks (folder or CSV); the per-slice Rand index goes to rand-index.csv
// unlabelled= optional, method=unet or weka: a folder of raw CT slices without masks that the method learns from
//          too (the rest of the scan, other patients, or the test folder itself); Weka self-trains on them, which
//          helps on another hospital or protocol but not within the labelled scan
// More options go to the training command as they are, e.g. options=[epochs=80] for the U-Net.
arg = getArgument();
method = call("ij.Macro.getValue", arg, "method", "weka");
output = value(arg, "output");
test = value(arg, "test");
truth = call("ij.Macro.getValue", arg, "truth", "");
options = call("ij.Macro.getValue", arg, "options", "");
unlabelled = call("ij.Macro.getValue", arg, "unlabelled", "");
if (unlabelled != "" && method == "baseline")
	fail("train-and-segment.ijm: unlabelled= is for method=unet or weka, got method=" + method);

if (method == "baseline") {
	ct = openCt(test, "test-ct");
	run("Sobel Watershed Baseline", "ct=" + ct);
} else if (method == "weka" || method == "unet") {
	trainCt = openCt(value(arg, "train"), "train-ct");
	trainLabels = openLabels(value(arg, "labels"), "train-labels");
	if (unlabelled != "") options = "unlabelled=" + openCt(unlabelled, "unlabelled-ct") + " " + options;
	if (method == "weka") {
		model = output + "/weka.model";
		run("Train Weka Few-Shot", "ct=" + trainCt + " labels=" + trainLabels + " model=[" + model + "] " + options);
		ct = openCt(test, "test-ct");
		run("Apply Weka Few-Shot", "ct=" + ct + " model=[" + model + "]");
	} else {
		model = output + "/unet";
		run("Train U-Net", "ct=" + trainCt + " labels=" + trainLabels + " model=[" + model + "] " + options);
		ct = openCt(test, "test-ct");
		run("Segment with U-Net", "ct=" + ct + " model=[" + model + "]");
	}
} else fail("train-and-segment.ijm: method= must be weka, unet or baseline, got '" + method + "'");

labels = ct + "-" + method;
slices = nSlices;
run("Export Challenge Labels", "labels=" + labels + " csv=[" + output + "/labels.csv]");
run("Save Label Slices", "labels=" + labels + " folder=[" + output + "/labels]");
if (truth != "")
	run("Rand Index", "truth=" + openLabels(truth, "test-truth") + " prediction=" + labels + " table_file=[" + output +
		"/rand-index.csv]");
print("Few-Shot CT: " + method + " labels of " + slices + " test slices in " + output);

function value(arg, key) {
	v = call("ij.Macro.getValue", arg, key, "");
	if (v == "") fail("train-and-segment.ijm needs " + key + "=... in its argument, got: " + arg);
	return v;
}

// Opened stacks get titles of their own: train and test folders are often both called "images".
function openCt(folder, title) {
	run("Open CT Slices", "folder=[" + folder + "]");
	rename(title);
	return title;
}

function openLabels(path, title) {
	if (endsWith(toLowerCase(path), ".csv")) run("Import Challenge Labels", "csv=[" + path + "]");
	else run("Open CT Slices", "folder=[" + path + "]");
	rename(title);
	return title;
}

// Fails the batch run (exit 1, the message on stderr); ImageJ's exit() would end it as a success.
function fail(message) {
	call("org.fewshotct.ij1.MacroError.raise", message);
	exit();
}
