package dev.paygate.e2e;

/**
 * The two screens every page is checked on: a desktop window, and a phone 390 CSS pixels wide (Chromium's mobile
 * emulation, so {@code window.innerWidth} is 390 and the pages' {@code width=device-width} viewport applies).
 */
enum Viewport {
    DESKTOP(1280, 900, false),
    PHONE(390, 844, true);

    final int widthPx;
    final int heightPx;
    final boolean mobile;

    Viewport(int widthPx, int heightPx, boolean mobile) {
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.mobile = mobile;
    }

    /** For screenshot names: {@code desktop} or {@code phone}. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
