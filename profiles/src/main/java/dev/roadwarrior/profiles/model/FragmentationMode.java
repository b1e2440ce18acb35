package dev.roadwarrior.profiles.model;

/** IKE fragmentation ({@code network-frag-mode}). */
public enum FragmentationMode implements ShrewKeyword {
    DISABLE("disable"),
    ENABLE("enable"),
    FORCE("force");

    private final String keyword;

    FragmentationMode(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}
