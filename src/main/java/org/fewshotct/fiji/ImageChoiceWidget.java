package org.fewshotct.fiji;

import ij.ImagePlus;

import java.awt.BorderLayout;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JComboBox;
import javax.swing.JPanel;

import org.fewshotct.command.OpenImages;
import org.fewshotct.ij1.MacroOptions;
import org.fewshotct.ij1.OpenImageTitles;
import org.scijava.Priority;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.thread.ThreadService;
import org.scijava.widget.AbstractInputWidget;
import org.scijava.widget.InputWidget;
import org.scijava.widget.WidgetModel;

/**
 * A suite command's image input in Fiji's dialog (scijava-ui-swing's Swing panel): a choice of every open image,
 * starting on the image the module holds ({@link ImageChoicesPreprocessor}). Fiji's own object widget lists
 * images by title, one per title, and puts any value not on its list back to its first entry; here images
 * sharing a title are each listed, told apart by ID, slices and source, and an optional input offers none.
 */
@Plugin(type = InputWidget.class, priority = Priority.HIGH)
public class ImageChoiceWidget extends AbstractInputWidget<ImagePlus, JPanel> implements ActionListener {

	@Parameter
	private ThreadService threads;

	private JPanel panel;
	private JComboBox<Choice> choices;

	@Override
	public boolean supports(final WidgetModel model) {
		return super.supports(model) && model.getItem().getType() == ImagePlus.class && SuiteCommands.of(model
			.getModule()) != null;
	}

	@Override
	public void set(final WidgetModel model) {
		super.set(model);
		choices = new JComboBox<>(choices(!model.getItem().isRequired()).toArray(new Choice[0]));
		final String description = model.getItem().getDescription();
		if (description != null && !description.isEmpty()) choices.setToolTipText(description);
		panel = new JPanel(new BorderLayout());
		panel.add(choices);
		refreshWidget();
		updateModel(); // what the dialog shows is what the command gets, even before the user changes anything
		choices.addActionListener(this);
	}

	@Override
	public ImagePlus getValue() {
		final Choice choice = (Choice) choices.getSelectedItem();
		return choice == null ? null : choice.image;
	}

	/** Selects the module's image; reads it from the module, since the model would put it back to its first object. */
	@Override
	public void refreshWidget() {
		final Object value = get().getItem().getValue(get().getModule());
		try {
			threads.invoke(() -> {
				for (int i = 0; i < choices.getItemCount(); i++)
					if (choices.getItemAt(i).image == value) choices.setSelectedIndex(i);
			});
		}
		catch (final InterruptedException | InvocationTargetException e) {
			throw new IllegalStateException("Cannot show the choice of " + get().getItem().getName(), e);
		}
	}

	@Override
	public void actionPerformed(final ActionEvent e) {
		updateModel();
	}

	@Override
	public JPanel getComponent() {
		return panel;
	}

	@Override
	public Class<JPanel> getComponentType() {
		return JPanel.class;
	}

	/** Every open image, in the order ImageJ lists them, after none for an optional input. */
	private static List<Choice> choices(final boolean optional) {
		final List<ImagePlus> open = OpenImages.all();
		final List<Choice> list = new ArrayList<>();
		if (optional) list.add(new Choice(null, MacroOptions.NO_IMAGE));
		for (final ImagePlus image : open) {
			final boolean shared = open.stream().filter(o -> o.getTitle().equals(image.getTitle())).count() > 1;
			list.add(new Choice(image, shared ? image.getTitle() + " (" + OpenImageTitles.describe(image) + ")" : image
				.getTitle()));
		}
		return list;
	}

	/** One entry of the list: an image (null for none) and how the list shows it. */
	private static final class Choice {

		final ImagePlus image;
		private final String text;

		Choice(final ImagePlus image, final String text) {
			this.image = image;
			this.text = text;
		}

		@Override
		public String toString() {
			return text;
		}
	}
}
