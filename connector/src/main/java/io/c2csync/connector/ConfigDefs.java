package io.c2csync.connector;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/** mongo-kafka's ConfigDef plus our keys, keeping its own cross-field validation (its validateAll). */
public final class ConfigDefs {

  private ConfigDefs() {}

  public static ConfigDef extend(ConfigDef base, Consumer<ConfigDef> defineOurKeys) {
    ConfigDef ours = new ConfigDef();
    defineOurKeys.accept(ours);
    ConfigDef combined = new ConfigDef(base) {
      @Override
      public Map<String, ConfigValue> validateAll(Map<String, String> props) {
        Map<String, ConfigValue> results = base.validateAll(props);
        results.putAll(ours.validateAll(props));
        return results;
      }
    };
    ours.configKeys().values().forEach(combined::define);
    return combined;
  }
}
