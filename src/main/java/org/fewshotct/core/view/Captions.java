package org.fewshotct.core.view;

import ij.process.ColorProcessor;

import java.awt.Color;
import java.awt.Font;

/**
 * Text drawn into RGB pages: one-line captions in a dark strip above a tile, built from coloured runs (so a
 * caption doubles as a legend), and wrapped paragraphs. Font sizes follow the tile width, so a caption stays
 * readable on a 64-pixel test slice and on a 512-pixel CT slice alike.
 */
public final class Captions {

	/** The strip behind captions. */
	public static final Color STRIP = new Color(0x1e1e1e);
	/** Plain caption text. */
	public static final Color TEXT = new Color(0xf0f0f0);
	/** Secondary caption text (timings, counts). */
	public static final Color QUIET = new Color(0xa8a8a8);

	/** A run of caption text in one colour. */
	public static final class Run {

		final String text;
		final Color colour;

		public Run(final String text, final Color colour) {
			this.text = text;
			this.colour = colour;
		}
	}

	private Captions() {}

	/** The caption font size for tiles of this width. */
	public static int fontSize(final int tileWidth) {
		return Math.max(10, Math.round(tileWidth / 30f));
	}

	/** The height of a caption strip for this font size. */
	public static int stripHeight(final int fontSize) {
		return Math.round(fontSize * 1.7f);
	}

	/** A run in an RGB colour. */
	public static Run run(final String text, final int rgb) {
		return new Run(text, new Color(rgb));
	}

	/**
	 * Fills the strip at (x, y, width, height) and draws the runs left to right, vertically centred; text that
	 * would leave the strip is cut with an ellipsis.
	 */
	public static void strip(final ColorProcessor page, final int x, final int y, final int width, final int height,
		final int fontSize, final Run... runs)
	{
		page.setColor(STRIP);
		page.fill(new ij.gui.Roi(x, y, width, height));
		prepare(page, fontSize);
		final int pad = Math.max(2, fontSize / 2);
		final int baseline = y + (height + page.getFontMetrics().getAscent() - page.getFontMetrics().getDescent()) / 2;
		int cursor = x + pad;
		final int end = x + width - pad;
		for (final Run run : runs) {
			final String text = fit(page, run.text, end - cursor);
			if (text.isEmpty()) break;
			draw(page, text, cursor, baseline, run.colour);
			cursor += page.getStringWidth(text);
			if (!text.equals(run.text)) break;
		}
	}

	/**
	 * Draws lines of runs into the box at (x, y, width, height) on the strip colour, each line wrapped at word
	 * boundaries to the width; lines that do not fit the height are dropped.
	 */
	public static void paragraph(final ColorProcessor page, final int x, final int y, final int width,
		final int height, final int fontSize, final Run[]... lines)
	{
		page.setColor(STRIP);
		page.fill(new ij.gui.Roi(x, y, width, height));
		prepare(page, fontSize);
		final int pad = Math.max(2, fontSize / 2);
		final int lineHeight = Math.round(fontSize * 1.35f);
		int baseline = y + pad + page.getFontMetrics().getAscent();
		for (final Run[] line : lines) {
			int cursor = x + pad;
			for (final Run run : line) {
				for (final String word : run.text.split("(?<= )")) {
					final int w = page.getStringWidth(word);
					if (cursor + w > x + width - pad && cursor > x + pad) {
						cursor = x + pad + fontSize;
						baseline += lineHeight;
					}
					if (baseline > y + height - pad) return;
					draw(page, word, cursor, baseline, run.colour);
					cursor += w;
				}
			}
			baseline += lineHeight;
		}
	}

	private static void prepare(final ColorProcessor page, final int fontSize) {
		page.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
		page.setAntialiasedText(true);
	}

	private static void draw(final ColorProcessor page, final String text, final int x, final int baseline,
		final Color colour)
	{
		page.setColor(colour);
		page.drawString(text, x, baseline);
	}

	/** The longest prefix of the text (with an ellipsis if cut) no wider than {@code width}. */
	private static String fit(final ColorProcessor page, final String text, final int width) {
		if (page.getStringWidth(text) <= width) return text;
		for (int n = text.length() - 1; n > 0; n--) {
			final String cut = text.substring(0, n).trim() + "\u2026";
			if (page.getStringWidth(cut) <= width) return cut;
		}
		return "";
	}
}
