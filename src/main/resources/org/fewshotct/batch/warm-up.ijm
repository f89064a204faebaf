// bin/imagej-batch runs this once after a build to record the classes a typical batch run loads in a
// class-data-sharing archive, so that later runs start faster. The argument is a scratch folder.
folder = getArgument();
run("Synthetic CT Phantoms", "slices=2 seed=1 size=64");
run("Sobel Watershed Baseline", "ct=phantom-ct");
run("Rand Index", "truth=phantom-labels prediction=phantom-ct-baseline");
run("Export Challenge Labels", "labels=phantom-ct-baseline csv=[" + folder + "/labels.csv]");
run("Import Challenge Labels", "csv=[" + folder + "/labels.csv]");
run("Save Label Slices", "labels=phantom-ct-baseline folder=[" + folder + "/labels]");
run("Open CT Slices", "folder=[" + folder + "/labels]");
run("Label Overlay", "ct=phantom-ct labels=phantom-ct-baseline");
