package dev.roadwarrior.ui.notify;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The one place that turns a {@link Notice} into a notification's summary and body. Stateless. */
public final class NoticeTexts {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.roadwarrior.ui.notify.messages");

    private NoticeTexts() {
    }

    /** The application name shown by the notification server. */
    public static String appName() {
        return TEXT.getString("app.name");
    }

    /** One line, e.g. "Connected to office". */
    public static String summary(Notice notice) {
        return format("summary." + notice.kind().name(), notice);
    }

    /** The body: the virtual address, the failure sentence, or a fixed sentence; may be empty. */
    public static String body(Notice notice) {
        String key = "body." + notice.kind().name();
        if (notice.kind() == Notice.Kind.FAILED || !TEXT.containsKey(key)) {
            return notice.detail();
        }
        if (notice.kind() == Notice.Kind.CONNECTED && notice.detail().isBlank()) {
            return "";
        }
        return format(key, notice);
    }

    private static String format(String key, Notice notice) {
        return new MessageFormat(TEXT.getString(key)).format(new Object[] {notice.profile(), notice.detail()});
    }
}
