package io.coralbank.dialect.bcb;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Writes BCB responses as CSV when the client sends {@code Accept: text/csv}.
 *
 * <p>The CSV is produced from the same object as the JSON, through its JSON tree, so column names
 * are exactly the JSON field names. A list response ({@code {"meta": ..., "data": [...]}}) gives
 * one row per item of {@code data}; any other response gives one row. Nested objects become dotted
 * column names ({@code balance.amount}); lists are joined with {@code ";"}, and a list of objects
 * becomes one column per field, each joining that field's values ({@code accountAttributes.name}).
 * The first line is the header. Only endpoints that declare {@code text/csv} in {@code produces}
 * are ever written here.
 */
@Component
class BcbCsvMessageConverter extends AbstractHttpMessageConverter<Object> {

  static final String LIST_SEPARATOR = ";";

  private final JsonMapper json;
  private final CsvMapper csv = new CsvMapper();

  BcbCsvMessageConverter(JsonMapper json) {
    super(StandardCharsets.UTF_8, BcbMediaTypes.TEXT_CSV);
    this.json = json;
  }

  @Override
  protected boolean supports(Class<?> type) {
    return true;
  }

  @Override
  protected boolean canRead(MediaType mediaType) {
    return false;
  }

  @Override
  protected Object readInternal(Class<?> type, HttpInputMessage input) {
    throw new HttpMessageNotReadableException("BCB does not accept CSV request bodies", input);
  }

  @Override
  protected void writeInternal(Object response, HttpOutputMessage output) throws IOException {
    List<Map<String, String>> rows = rows(json.valueToTree(response));
    Set<String> columns = new LinkedHashSet<>();
    rows.forEach(row -> columns.addAll(row.keySet()));
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    StringWriter text = new StringWriter();
    if (!columns.isEmpty()) {
      try (SequenceWriter writer =
          csv.writerFor(Map.class).with(schema.build()).writeValues(text)) {
        writer.writeAll(rows);
      }
    }
    output.getBody().write(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  static List<Map<String, String>> rows(JsonNode root) {
    JsonNode items = root.isObject() && root.path("data").isArray() ? root.get("data") : root;
    List<Map<String, String>> rows = new ArrayList<>();
    if (items.isArray()) {
      items.forEach(item -> rows.add(flatten(item)));
    } else {
      rows.add(flatten(items));
    }
    return rows;
  }

  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> row = new LinkedHashMap<>();
    flatten("", node, row);
    return row;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> row) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        flatten(
            prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            field.getValue(),
            row);
      }
    } else if (node.isArray()) {
      flattenList(prefix, node, row);
    } else {
      row.put(prefix, node.isNull() ? "" : node.asString());
    }
  }

  /** Each column of the list's elements joins the elements' values in order. */
  private static void flattenList(String prefix, JsonNode list, Map<String, String> row) {
    Map<String, List<String>> joined = new LinkedHashMap<>();
    for (JsonNode element : list) {
      Map<String, String> flattened = new LinkedHashMap<>();
      flatten(prefix, element, flattened);
      flattened.forEach(
          (column, value) ->
              joined.computeIfAbsent(column, ignored -> new ArrayList<>()).add(value));
    }
    if (joined.isEmpty()) {
      row.put(prefix, "");
    }
    joined.forEach((column, values) -> row.put(column, String.join(LIST_SEPARATOR, values)));
  }
}
