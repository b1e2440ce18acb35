package dev.roadwarrior.ui.tray;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The state icons as images, read from the hicolor PNGs packaged in this jar
 * ({@code dev/roadwarrior/ui/icons/hicolor/<N>x<N>/apps/<name>.png}). Stateless; any thread.
 */
public final class TrayIcons {

    /** The PNG sizes in the package, smallest first. */
    public static final List<Integer> SIZES = List.of(16, 22, 24, 32, 48, 64, 128, 256);

    private TrayIcons() {
    }

    /** The packaged PNG of this icon name at this size (one of {@link #SIZES}). */
    public static BufferedImage image(String iconName, int size) {
        String path = "/dev/roadwarrior/ui/icons/hicolor/" + size + "x" + size + "/apps/" + iconName + ".png";
        try (InputStream in = TrayIcons.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no packaged icon " + path);
            }
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The smallest packaged size at least {@code wanted} pixels wide (the largest if none is). */
    public static int sizeFor(int wanted) {
        return SIZES.stream().filter(s -> s >= wanted).findFirst().orElse(SIZES.get(SIZES.size() - 1));
    }

    /**
     * The image as StatusNotifierItem pixels: ARGB32, one 4-byte group per pixel in network byte order
     * (A, R, G, B), rows top to bottom.
     */
    public static byte[] argb32(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h * 4];
        int i = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                out[i++] = (byte) (argb >>> 24);
                out[i++] = (byte) (argb >>> 16);
                out[i++] = (byte) (argb >>> 8);
                out[i++] = (byte) argb;
            }
        }
        return out;
    }
}
