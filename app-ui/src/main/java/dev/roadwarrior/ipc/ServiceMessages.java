package dev.roadwarrior.ipc;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The one place that turns failures to reach or use the Roadwarrior service into words. */
public final class ServiceMessages {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.roadwarrior.ipc.messages");

    private ServiceMessages() {
    }

    /** The failure as a sentence, followed by the service's message or technical detail in parentheses. */
    public static String describe(ServiceException e) {
        String key = e.reason() == ServiceException.Reason.REFUSED && e.errorCode().isPresent()
                ? "error." + e.errorCode().get().name() : "service." + e.reason().name();
        String sentence = MessageFormat.format(TEXT.getString(key), System.getProperty("user.name"));
        return e.detail().isEmpty() ? sentence : sentence + " (" + e.detail() + ")";
    }
}
