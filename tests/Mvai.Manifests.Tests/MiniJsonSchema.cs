using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mvai.Manifests.Tests;

/// <summary>
/// A small JSON Schema validator for the subset of draft-04/07 the Teams manifest schemas use: type, required,
/// properties, additionalProperties (false or a schema), enum, const, minLength/maxLength, pattern, items,
/// minItems/maxItems, uniqueItems, minimum/maximum, minProperties, dependencies, allOf/anyOf/oneOf, if/then/else
/// and $ref to JSON pointers inside the same document (#/definitions/..., #/properties/...). format is an
/// annotation only. No JSON-schema package restores here (JsonSchema.Net needs JsonPointer.Net, which the
/// package source lacks), hence this.
/// </summary>
internal sealed class MiniJsonSchema
{
    private readonly JsonElement _root;

    public MiniJsonSchema(JsonElement root) => _root = root;

    /// <summary>Every violation as "path: problem"; empty when the instance is valid.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(_root, instance, "$", errors, 0);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        if (depth > 64)
        {
            errors.Add($"{path}: $ref nesting too deep");
            return;
        }
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }
        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{path}: no value is allowed here");
            return;
        }
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            // draft-04/07: $ref replaces the rest of the schema object.
            Check(Resolve(reference.GetString()!), value, path, errors, depth + 1);
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !MatchesType(type, value))
        {
            errors.Add($"{path}: expected type {type.GetRawText()}, got {value.ValueKind}");
            return;
        }
        if (schema.TryGetProperty("enum", out var enumeration)
            && !enumeration.EnumerateArray().Any(e => JsonElement.DeepEquals(e, value)))
        {
            errors.Add($"{path}: {value.GetRawText()} is not one of {enumeration.GetRawText()}");
        }
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{path}: must be {constant.GetRawText()}, got {value.GetRawText()}");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(schema, value.GetString()!, path, errors);
                break;
            case JsonValueKind.Number:
                CheckNumber(schema, value.GetDouble(), path, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, value, path, errors, depth);
                break;
            case JsonValueKind.Object:
                CheckObject(schema, value, path, errors, depth);
                break;
            default:
                break;
        }

        CheckCombinators(schema, value, path, errors, depth);
    }

    private static void CheckString(JsonElement schema, string text, string path, List<string> errors)
    {
        var length = new StringInfo(text).LengthInTextElements;
        if (schema.TryGetProperty("maxLength", out var max) && length > max.GetInt32())
        {
            errors.Add($"{path}: longer than maxLength {max.GetInt32()} ({length})");
        }
        if (schema.TryGetProperty("minLength", out var min) && length < min.GetInt32())
        {
            errors.Add($"{path}: shorter than minLength {min.GetInt32()} ({length})");
        }
        if (schema.TryGetProperty("pattern", out var pattern)
            && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(2)))
        {
            errors.Add($"{path}: '{text}' does not match pattern {pattern.GetString()}");
        }
    }

    private static void CheckNumber(JsonElement schema, double number, string path, List<string> errors)
    {
        if (schema.TryGetProperty("maximum", out var max) && number > max.GetDouble())
        {
            errors.Add($"{path}: above maximum {max.GetRawText()}");
        }
        if (schema.TryGetProperty("minimum", out var min) && number < min.GetDouble())
        {
            errors.Add($"{path}: below minimum {min.GetRawText()}");
        }
    }

    private void CheckArray(JsonElement schema, JsonElement array, string path, List<string> errors, int depth)
    {
        var items = array.EnumerateArray().ToList();
        if (schema.TryGetProperty("maxItems", out var max) && items.Count > max.GetInt32())
        {
            errors.Add($"{path}: more than maxItems {max.GetInt32()} ({items.Count})");
        }
        if (schema.TryGetProperty("minItems", out var min) && items.Count < min.GetInt32())
        {
            errors.Add($"{path}: fewer than minItems {min.GetInt32()} ({items.Count})");
        }
        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            for (var i = 0; i < items.Count; i++)
            {
                for (var j = i + 1; j < items.Count; j++)
                {
                    if (JsonElement.DeepEquals(items[i], items[j]))
                    {
                        errors.Add($"{path}: items {i} and {j} are equal but uniqueItems is set");
                    }
                }
            }
        }
        if (schema.TryGetProperty("items", out var itemSchema))
        {
            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = $"{path}[{i}]";
                if (itemSchema.ValueKind == JsonValueKind.Array)
                {
                    if (i < itemSchema.GetArrayLength())
                    {
                        Check(itemSchema[i], items[i], itemPath, errors, depth + 1);
                    }
                }
                else
                {
                    Check(itemSchema, items[i], itemPath, errors, depth + 1);
                }
            }
        }
    }

    private void CheckObject(JsonElement schema, JsonElement obj, string path, List<string> errors, int depth)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!obj.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}: required property '{name}' is missing");
                }
            }
        }
        if (schema.TryGetProperty("minProperties", out var minProperties)
            && obj.EnumerateObject().Count() < minProperties.GetInt32())
        {
            errors.Add($"{path}: fewer than minProperties {minProperties.GetInt32()}");
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in obj.EnumerateObject())
        {
            var propertyPath = $"{path}.{property.Name}";
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, propertyPath, errors, depth + 1);
            }
            else if (hasAdditional)
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{propertyPath}: property '{property.Name}' is not allowed (additionalProperties is false)");
                }
                else
                {
                    Check(additional, property.Value, propertyPath, errors, depth + 1);
                }
            }
        }

        if (schema.TryGetProperty("dependencies", out var dependencies))
        {
            foreach (var dependency in dependencies.EnumerateObject())
            {
                if (!obj.TryGetProperty(dependency.Name, out _))
                {
                    continue;
                }
                if (dependency.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var needed in dependency.Value.EnumerateArray().Select(n => n.GetString()!))
                    {
                        if (!obj.TryGetProperty(needed, out _))
                        {
                            errors.Add($"{path}: '{dependency.Name}' requires '{needed}'");
                        }
                    }
                }
                else
                {
                    Check(dependency.Value, obj, path, errors, depth + 1);
                }
            }
        }
    }

    private void CheckCombinators(JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var sub in allOf.EnumerateArray())
            {
                Check(sub, value, path, errors, depth + 1);
            }
        }
        if (schema.TryGetProperty("anyOf", out var anyOf)
            && !anyOf.EnumerateArray().Any(sub => IsValid(sub, value, path, depth)))
        {
            errors.Add($"{path}: matches none of anyOf");
        }
        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var matches = oneOf.EnumerateArray().Count(sub => IsValid(sub, value, path, depth));
            if (matches != 1)
            {
                errors.Add($"{path}: matches {matches} of oneOf (exactly 1 required)");
            }
        }
        if (schema.TryGetProperty("if", out var condition))
        {
            if (IsValid(condition, value, path, depth))
            {
                if (schema.TryGetProperty("then", out var then))
                {
                    Check(then, value, path, errors, depth + 1);
                }
            }
            else if (schema.TryGetProperty("else", out var otherwise))
            {
                Check(otherwise, value, path, errors, depth + 1);
            }
        }
    }

    private bool IsValid(JsonElement schema, JsonElement value, string path, int depth)
    {
        var scratch = new List<string>();
        Check(schema, value, path, scratch, depth + 1);
        return scratch.Count == 0;
    }

    private static bool MatchesType(JsonElement type, JsonElement value) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => MatchesType(t.GetString()!, value))
        : MatchesType(type.GetString()!, value);

    private static bool MatchesType(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        _ => throw new NotSupportedException($"JSON Schema type '{type}'"),
    };

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith('#'))
        {
            throw new NotSupportedException($"Only local $ref values are supported, got '{reference}'");
        }
        var node = _root;
        foreach (var rawToken in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = Uri.UnescapeDataString(rawToken).Replace("~1", "/", StringComparison.Ordinal)
                .Replace("~0", "~", StringComparison.Ordinal);
            node = node.ValueKind == JsonValueKind.Array
                ? node[int.Parse(token, CultureInfo.InvariantCulture)]
                : node.TryGetProperty(token, out var child)
                    ? child
                    : throw new InvalidOperationException($"$ref '{reference}' does not resolve (at '{token}')");
        }
        return node;
    }
}
