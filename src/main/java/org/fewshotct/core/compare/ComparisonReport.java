package org.fewshotct.core.compare;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.ResultsTable;
import ij.process.ImageProcessor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.io.FolderOutput;
import org.fewshotct.core.io.OutputPaths;

/**
 * A comparison as files a person can open after a batch run on a server: {@value #HTML} (one page showing
 * everything), {@value #CSV} (the table), {@value #PLOT} and the montage as one PNG per slice in
 * {@value #MONTAGE}/. Every file is written to a temporary file and moved into place, in a folder marked
 * {@value FolderOutput#MARKER} until the report is complete.
 */
public final class ComparisonReport {

	public static final String HTML = "report.html";
	public static final String CSV = "compare.csv";
	public static final String PLOT = "plot.png";
	public static final String MONTAGE = "montage";

	private ComparisonReport() {}

	/** The montage page file of a slice (0-based), relative to the report folder. */
	public static String pageFile(final int slice) {
		return MONTAGE + "/" + String.format(Locale.ROOT, "slice-%03d.png", slice + 1);
	}

	/**
	 * Refuses a report folder that is a file, or whose files would overwrite an input: a file or folder one of
	 * the open images was read from. Call before any work.
	 */
	public static void check(final File folder, final Iterable<ImagePlus> images) {
		OutputPaths.requireFolder(folder, images);
		for (final String name : new String[] { HTML, CSV, PLOT, pageFile(0) })
			OutputPaths.requireFile(new File(folder, name), images);
	}

	/** Writes the report into {@code folder}, the montage pages in parallel. */
	public static void write(final File folder, final Comparison comparison, final ImagePlus montage,
		final ResultsTable table, final ImagePlus plot, final int threads, final Progress progress)
		throws IOException
	{
		progress.status("writing the montage");
		final String html = html(comparison, montage.getWidth(), montage.getHeight());
		FolderOutput.write(folder, output -> {
			SliceParallel.forEachFile(montage.getStackSize(), threads, progress, s -> png(output, montage.getStack()
				.getProcessor(s + 1), pageFile(s)));
			png(output, plot.getProcessor(), PLOT);
			output.file(CSV, path -> {
				if (!table.save(path.toString())) throw new IOException("ImageJ could not save the table");
			});
			output.file(HTML, path -> Files.write(path, html.getBytes(StandardCharsets.UTF_8)));
		});
	}

	private static void png(final FolderOutput output, final ImageProcessor image, final String name)
		throws IOException
	{
		output.file(name, path -> {
			if (!new FileSaver(new ImagePlus(name, image)).saveAsPng(path.toString()))
				throw new IOException("Could not write " + path);
		});
	}

	static String html(final Comparison comparison, final int pageWidth, final int pageHeight) {
		final StringBuilder h = new StringBuilder();
		final String ct = escape(comparison.ct.getTitle());
		h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Methods compared on ")
			.append(ct).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
		h.append("<h1>Methods compared on ").append(ct).append("</h1>\n<p class=\"reading\">").append(escape(
			ComparisonReading.of(comparison))).append("</p>\n<p>").append(comparison.slices()).append(
			comparison.slices() == 1 ? " slice" : " slices");
		if (comparison.hasTruth()) h.append(", scored against <b>").append(escape(comparison.truth.getTitle())).append(
			"</b> with the adjusted Rand index on the truth's structure pixels (the challenge metric)");
		h.append(". Methods: ").append(escape(names(comparison))).append(".</p>\n");
		summary(h, comparison);
		h.append("<p><img src=\"").append(PLOT).append("\" alt=\"").append(comparison.hasTruth() ? "ARI per slice, " +
			"mean ARI and " : "").append("seconds per slice of each method\"></p>\n");
		h.append("<p>Per slice: <a href=\"").append(CSV).append("\">").append(CSV).append(
			"</a> (one row per slice, then mean, median and worst; seconds per slice are over the whole stack).</p>\n");
		h.append("<h2>Slices</h2>\n<p>Top row: the CT, ").append(comparison.hasTruth() ? "the truth, " : "").append(
			"each method's labels over it; touching structures never share a colour");
		if (comparison.hasTruth()) h.append(", and a method's structure wears the colour of the truth structure it " +
			"matches. Bottom row: where each method fails on the truth structures: <span class=\"merged\">merged" +
			"</span> pixels lie in their structure's majority label that is also the majority label of another " +
			"structure; <span class=\"split\">split</span> pixels are not in their structure's majority label");
		h.append(".</p>\n");
		for (int s = 0; s < comparison.slices(); s++) {
			h.append("<figure id=\"slice-").append(s + 1).append("\"><figcaption>").append(escape(comparison.sliceName(
				s)));
			for (final MethodResult method : comparison.methods) {
				h.append(" &middot; ").append(escape(method.name));
				if (comparison.hasTruth()) h.append(String.format(Locale.ROOT, " ARI %.4f", method.scores[s].adjusted));
				h.append(", ").append(method.structures[s]).append(" structures");
			}
			h.append("</figcaption>\n<a href=\"").append(pageFile(s)).append("\"><img src=\"").append(pageFile(s)).append(
				"\" width=\"").append(pageWidth).append("\" height=\"").append(pageHeight).append(
					"\" loading=\"lazy\" alt=\"slice ").append(escape(comparison.sliceName(s))).append(
						"\"></a></figure>\n");
		}
		h.append("</body>\n</html>\n");
		return h.toString();
	}

	private static void summary(final StringBuilder h, final Comparison comparison) {
		h.append("<table>\n<tr><th>method</th>");
		if (comparison.hasTruth()) h.append("<th>mean ARI</th><th>median ARI</th><th>worst ARI</th>");
		h.append("<th>seconds per slice</th></tr>\n");
		for (final MethodResult method : comparison.methods) {
			h.append("<tr><td>").append(escape(method.name)).append("</td>");
			if (comparison.hasTruth()) for (final String which : new String[] { ComparisonTable.MEAN,
				ComparisonTable.MEDIAN, ComparisonTable.WORST })
				h.append(String.format(Locale.ROOT, "<td>%.4f</td>", ComparisonTable.summarise(method.adjusted(),
					which)));
			h.append(String.format(Locale.ROOT, "<td>%.3f</td></tr>\n", method.secondsPerSlice));
		}
		h.append("</table>\n");
	}

	private static String names(final Comparison comparison) {
		final List<String> names = new ArrayList<>();
		for (final MethodResult method : comparison.methods)
			names.add(method.name);
		return String.join(", ", names);
	}

	static String escape(final String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static final String STYLE = "body { font-family: sans-serif; margin: 1.5em; background: #fafafa; " +
		"color: #222; }\n" + "table { border-collapse: collapse; margin: 1em 0; }\n" +
		"td, th { border: 1px solid #ccc; padding: 0.3em 0.8em; text-align: right; }\n" +
		"td:first-child, th:first-child { text-align: left; }\n" +
		"img { max-width: 100%; height: auto; }\n" + "figure { margin: 1.5em 0; }\n" +
		"figcaption { font-weight: bold; margin-bottom: 0.3em; }\n" +
		".reading { font-size: 1.15em; font-weight: bold; }\n" +
		".merged { color: #d55e00; font-weight: bold; }\n.split { color: #2a8fd0; font-weight: bold; }\n";
}
