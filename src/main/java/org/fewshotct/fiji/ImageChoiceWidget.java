package org.fewshotct.fiji;

import ij.ImagePlus;

import java.awt.BorderLayout;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JComboBox;
import javax.swing.JPanel;

import org.fewshotct.command.OpenImages;
import org.fewshotct.ij1.ImageInputs;
import org.fewshotct.ij1.MacroOptions;
import org.fewshotct.ij1.OpenImageTitles;
import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.thread.ThreadService;
import org.scijava.widget.AbstractInputWidget;
import org.scijava.widget.InputWidget;
import org.scijava.widget.WidgetModel;

/**
 * A suite command's image input in Fiji's dialog (scijava-ui-swing's Swing panel): a choice of every open image,
 * starting on a different image of its kind for each input ({@link ImageInputs#starting}), or on the image a
 * script gave. Fiji's own object widget (scijava-ui-swing 1.0.3's SwingObjectWidget, default priority) lists
 * images by title, one per title, and starts every image input on its first entry, so a user who clicks OK
 * scores an image against itself; here images sharing a title are each listed, told apart by ID, slices and
 * source, and an optional input offers none, where it starts. Only a dialog makes widgets: from a macro or a
 * script nothing is filled in.
 */
@Plugin(type = InputWidget.class, priority = Priority.HIGH)
public class ImageChoiceWidget extends AbstractInputWidget<ImagePlus, JPanel> implements ActionListener {

	@Parameter
	private ThreadService threads;

	private JPanel panel;
	private JComboBox<Choice> choices;

	/** Not for a required input with no open image: Fiji's dialog then says one is required and none available. */
	@Override
	public boolean supports(final WidgetModel model) {
		return super.supports(model) && model.getItem().getType() == ImagePlus.class && SuiteCommands.of(model
			.getModule()) != null && (!model.getItem().isRequired() || !OpenImages.all().isEmpty());
	}

	@Override
	public void set(final WidgetModel model) {
		super.set(model);
		choices = new JComboBox<>(choices(!model.getItem().isRequired()).toArray(new Choice[0]));
		final String description = model.getItem().getDescription();
		if (description != null && !description.isEmpty()) choices.setToolTipText(description);
		panel = new JPanel(new BorderLayout());
		panel.add(choices);
		final Object given = model.getItem().getValue(model.getModule());
		if (!(given instanceof ImagePlus)) model.getModule().setInput(model.getItem().getName(), starting(model));
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

	/** Where this input starts: its entry of {@link ImageInputs#starting} for the image inputs the dialog asks. */
	private static ImagePlus starting(final WidgetModel model) {
		final Module module = model.getModule();
		final List<Field> asked = new ArrayList<>();
		for (final Field f : SuiteCommands.of(module).inputs())
			if (f.getType() == ImagePlus.class && !module.isInputResolved(f.getName())) asked.add(f);
		final ImagePlus[] starting = ImageInputs.starting(asked);
		for (int i = 0; i < starting.length; i++)
			if (asked.get(i).getName().equals(model.getItem().getName())) return starting[i];
		return null;
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
