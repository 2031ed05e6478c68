package io.mapper.orm.converters;

import java.util.ArrayList;
import java.util.List;

/** A JSON document as a mutable bean without {@code equals}: changes made in place must be seen by the flush. */
public class Settings {

    public String theme;
    public List<String> shortcuts = new ArrayList<>();

    public Settings() {
    }

    public Settings(String theme, List<String> shortcuts) {
        this.theme = theme;
        this.shortcuts = new ArrayList<>(shortcuts);
    }
}
