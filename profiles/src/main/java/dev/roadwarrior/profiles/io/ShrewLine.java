package dev.roadwarrior.profiles.io;

import dev.roadwarrior.profiles.model.EntryType;

/**
 * One {@code type:key:value} line of a {@code .vpn} file.
 *
 * @param number the 1-based line number
 * @param type the line type
 * @param key the key as written
 * @param value everything after the second colon, trailing spaces removed
 */
record ShrewLine(int number, EntryType type, String key, String value) {
}
