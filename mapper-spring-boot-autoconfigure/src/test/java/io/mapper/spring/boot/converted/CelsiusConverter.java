package io.mapper.spring.boot.converted;

import io.mapper.types.TypeConverter;

/** The converter declared as a bean; its scale comes from the bean's configuration. */
public class CelsiusConverter implements TypeConverter<Celsius, Double> {

    private final double scale;

    public CelsiusConverter(double scale) {
        this.scale = scale;
    }

    @Override
    public Double toStorage(Celsius value) {
        return value.degrees() * scale;
    }

    @Override
    public Celsius fromStorage(Double value) {
        return new Celsius(value / scale);
    }
}
