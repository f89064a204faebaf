// Scores predicted labels against the truth with the challenge metric (mean ARI on truth > 0).
// Each of truth= and prediction= is a folder of label PNGs or a challenge CSV; table= optionally saves the
// per-slice table as CSV.
//   bin/imagej-batch macros/score.ijm "truth=/data/y_test.csv prediction=/results/weka.csv table=/results/ri.csv"
arg = getArgument();
truth = openLabels(value(arg, "truth"));
prediction = openLabels(value(arg, "prediction"));
table = call("ij.Macro.getValue", arg, "table", "");
options = "truth=[" + truth + "] prediction=[" + prediction + "]";
if (table != "") options = options + " table_file=[" + table + "]";
run("Rand Index", options);

function value(arg, key) {
	v = call("ij.Macro.getValue", arg, key, "");
	if (v == "") fail("score.ijm needs " + key + "=... in its argument, got: " + arg);
	return v;
}

function openLabels(path) {
	if (endsWith(toLowerCase(path), ".csv")) run("Import Challenge Labels", "csv=[" + path + "]");
	else run("Open CT Slices", "folder=[" + path + "]");
	return getTitle();
}

// Fails the batch run (exit 1, the message on stderr); ImageJ's exit() would end it as a success.
function fail(message) {
	call("org.fewshotct.ij1.MacroError.raise", message);
	exit();
}
