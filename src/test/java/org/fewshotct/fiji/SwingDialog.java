package org.fewshotct.fiji;

import java.util.function.Consumer;

import javax.swing.JComboBox;
import javax.swing.JPanel;

import org.scijava.module.Module;
import org.scijava.module.ModuleException;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.widget.AbstractInputHarvester;
import org.scijava.widget.AbstractInputPanel;
import org.scijava.widget.InputPanel;
import org.scijava.widget.InputWidget;

/**
 * Fiji's dialog as scijava-ui-swing 1.0.3 builds it (it is not on Maven Central): its {@code SwingInputHarvester}
 * (imagej-legacy 2.0.3's {@code LegacyInputHarvester}) is scijava-common's input harvester on a
 * {@code SwingInputPanel}, whose widgets are {@link JPanel}s picked by the widget service, highest priority first
 * (its own object widget has the default priority). Instead of showing the dialog, {@code user} looks at the
 * panel and may change choices; then OK is clicked.
 */
final class SwingDialog extends AbstractInputHarvester<JPanel, JPanel> implements PreprocessorPlugin {

	private final Consumer<Panel> user;
	private String cancelReason;
	private Panel shown;

	SwingDialog(final Consumer<Panel> user) {
		this.user = user;
	}

	/** The panel the dialog showed, or null if it showed none. */
	Panel shown() {
		return shown;
	}

	@Override
	public void process(final Module module) {
		try { // as scijava-common's AbstractInputHarvesterPlugin
			harvest(module);
		}
		catch (final ModuleException e) {
			cancel(e.getMessage());
		}
	}

	@Override
	public Panel createInputPanel() {
		return new Panel();
	}

	@Override
	public boolean harvestInputs(final InputPanel<JPanel, JPanel> panel, final Module module) {
		shown = (Panel) panel;
		user.accept(shown);
		return true;
	}

	@Override
	public boolean isCanceled() {
		return cancelReason != null;
	}

	@Override
	public void cancel(final String reason) {
		cancelReason = reason == null ? "" : reason;
	}

	@Override
	public String getCancelReason() {
		return cancelReason;
	}

	/** scijava-ui-swing's SwingInputPanel: widgets whose components are JPanels. */
	static final class Panel extends AbstractInputPanel<JPanel, JPanel> {

		private final JPanel component = new JPanel();

		@Override
		public void addWidget(final InputWidget<?, JPanel> widget) {
			super.addWidget(widget);
			component.add(widget.getComponent());
		}

		@Override
		public Class<JPanel> getWidgetComponentType() {
			return JPanel.class;
		}

		@Override
		public JPanel getComponent() {
			return component;
		}

		@Override
		public Class<JPanel> getComponentType() {
			return JPanel.class;
		}

		/** The choice list of an input's widget, as the user sees it. */
		@SuppressWarnings("unchecked")
		JComboBox<Object> choices(final String input) {
			return (JComboBox<Object>) getWidget(input).getComponent().getComponent(0);
		}
	}
}
