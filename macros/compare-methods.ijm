// Compares the segmentation methods on CT slices side by side and writes a report a person can open:
// report.html (summary, plot, every slice), compare.csv (ARI and seconds per slice and method), plot.png and
// montage/slice-NNN.png (CT | truth | each method, and where each method merges or splits structures).
//   bin/imagej-batch macros/compare-methods.ijm "ct=/data/ct truth=/data/labels output=/results/compare"
//   bin/imagej-batch macros/compare-methods.ijm "ct=/data/ct truth=/data/y.csv output=/results/compare weka=/models/ct.weka unet=/models/ct-unet"
// ct=     a folder of CT slices (PNG/TIFF; 16-bit is HU + 1024)
// truth=  optional: a folder of label PNGs or a challenge CSV; without it, no scores (run times only)
// output= the report folder (created if needed; never an input's folder)
// weka=, unet= optional: a Weka model file, a U-Net model folder; baseline=false leaves the baseline out.
arg = getArgument();
ct = value(arg, "ct");
if (ct == "") fail("compare-methods.ijm needs ct=FOLDER in its argument, got: " + arg);
run("Open CT Slices", "folder=[" + ct + "]");
options = "ct=[" + getTitle() + "]";
truth = value(arg, "truth");
if (truth != "") {
	if (endsWith(toLowerCase(truth), ".csv")) run("Import Challenge Labels", "csv=[" + truth + "]");
	else run("Open CT Slices", "folder=[" + truth + "]");
	options = options + " truth=[" + getTitle() + "]";
}
baseline = value(arg, "baseline");
if (baseline == "") baseline = "true";
options = options + " baseline=" + baseline;
keys = newArray("weka", "unet", "output");
for (i = 0; i < keys.length; i++) {
	given = value(arg, keys[i]);
	if (given != "") options = options + " " + keys[i] + "=[" + given + "]";
}
run("Compare Methods", options);

function value(arg, key) {
	return call("ij.Macro.getValue", arg, key, "");
}

// Fails the batch run (exit 1, the message on stderr); ImageJ's exit() would end it as a success.
function fail(message) {
	call("org.fewshotct.ij1.MacroError.raise", message);
	exit();
}
