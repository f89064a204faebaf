// Regenerates the embedded test images (test-images/) from the Synthetic CT Phantoms generator: two
// patients (seeds), one for training (6 slices) and one for testing (4 slices), 256x256, pelvis to lung
// bases. CT slices are 16-bit PNGs (HU + 1024), labels 16-bit PNGs (0 = unannotated), named phantom-NNN.png.
// Run from the project root:   bin/imagej-batch macros/make-test-images.ijm [OUTPUT_FOLDER]
// The output folder defaults to test-images. PhantomTestImagesTest checks the committed files against the
// generator, so change the seeds here and there together.
root = getArgument();
if (root == "") root = "test-images";
make("train", 6, 11);
make("test", 4, 12);

function make(part, slices, seed) {
	run("Synthetic CT Phantoms", "slices=" + slices + " seed=" + seed + " size=256");
	saveSlices("phantom-ct", root + "/" + part + "/images");
	run("Save Label Slices", "labels=phantom-labels folder=[" + root + "/" + part + "/labels]");
	close("phantom-ct");
	close("phantom-labels");
}

// CT slices as 16-bit PNGs named after their slice labels (Save Label Slices takes label images only).
function saveSlices(title, folder) {
	File.makeDirectory(File.getParent(File.getParent(folder)));
	File.makeDirectory(File.getParent(folder));
	File.makeDirectory(folder);
	selectImage(title);
	for (s = 1; s <= nSlices; s++) {
		selectImage(title);
		setSlice(s);
		name = getInfo("slice.label");
		run("Duplicate...", "title=slice");
		saveAs("PNG", folder + "/" + name + ".png");
		close();
	}
}
