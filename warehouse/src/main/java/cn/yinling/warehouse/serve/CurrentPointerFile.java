package cn.yinling.warehouse.serve;

import cn.yinling.warehouse.store.AgingHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * Reads $AGING_HOME/warehouse/CURRENT directly. The publish side renames a new pointer file into place atomically,
 * so a reader sees either the old number or the new one, never half a file.
 */
public final class CurrentPointerFile implements LiveVersionSource {

    private final AgingHome home;

    public CurrentPointerFile(AgingHome home) {
        this.home = home;
    }

    @Override
    public Optional<PublishedVersion> live() {
        String text;
        try {
            text = Files.readString(home.currentPointer(), StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + home.currentPointer(), e);
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(home.currentPointer() + " 的内容不是版本号：" + text, e);
        }
        return Optional.of(new PublishedVersion(number, home.versions().resolve(Integer.toString(number))));
    }
}
