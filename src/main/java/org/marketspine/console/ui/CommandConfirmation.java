package org.marketspine.console.ui;

import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The confirmation before anything that changes the platform: it says what will happen, asks for
 * a reason (recorded in the audit log; never pre-filled, so the log holds the operator's words),
 * and its default button — the one Enter presses — is Cancel, never the one that sends.
 */
public final class CommandConfirmation {
    private CommandConfirmation() {}

    /** Shows the dialog; the reason typed, or empty if cancelled. */
    public static Optional<String> ask(String title, String header, String body, String sendText, String sendId) {
        Dialog<String> d = new Dialog<>();
        d.setTitle(title);
        d.setHeaderText(header);
        d.setResizable(true);
        ButtonType send = new ButtonType(sendText, ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(send, ButtonType.CANCEL);
        Label what = new Label(body);
        what.setWrapText(true);
        what.getStyleClass().add("confirm-body");
        what.setId("confirm-body");
        TextField reason = new TextField();
        reason.setId("confirm-reason");
        reason.setPromptText("Why? (required; recorded in the audit log)");
        VBox content = new VBox(8, what, new Label("Reason (recorded in the audit log):"), reason);
        content.setPrefWidth(520);
        d.getDialogPane().setContent(content);
        Button sendButton = (Button) d.getDialogPane().lookupButton(send);
        sendButton.setId(sendId);
        sendButton.setDefaultButton(false);
        sendButton.disableProperty().bind(reason.textProperty().isEmpty());
        Button cancel = (Button) d.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
        cancel.setId("confirm-cancel");
        d.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        d.setResultConverter(b -> b == send && !reason.getText().isBlank() ? reason.getText().strip() : null);
        d.setOnShown(e -> reason.requestFocus());
        return d.showAndWait();
    }
}
