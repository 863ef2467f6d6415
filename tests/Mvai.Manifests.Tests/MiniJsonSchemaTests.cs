using System.Text.Json;

namespace Mvai.Manifests.Tests;

/// <summary>The validator itself, on a small inline schema, so it is checked even where the Teams schemas are absent.</summary>
public sealed class MiniJsonSchemaTests
{
    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-04/schema#",
          "type": "object",
          "additionalProperties": false,
          "required": ["id", "tags"],
          "properties": {
            "id": { "$ref": "#/definitions/guid" },
            "kind": { "enum": ["a", "b"] },
            "version": { "type": "string", "const": "1.0" },
            "name": { "type": "string", "maxLength": 5 },
            "tags": { "type": "array", "maxItems": 2, "items": { "type": "string" } },
            "child": { "$ref": "#/properties/nested" },
            "nested": { "type": "object", "additionalProperties": false, "properties": { "x": { "type": "integer" } } }
          },
          "definitions": { "guid": { "type": "string", "pattern": "^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$" } }
        }
        """;

    private static IReadOnlyList<string> Validate(string json)
    {
        using var schema = JsonDocument.Parse(Schema);
        using var instance = JsonDocument.Parse(json);
        return new MiniJsonSchema(schema.RootElement).Validate(instance.RootElement);
    }

    [Fact]
    public void Valid_instance_has_no_errors() =>
        Assert.Empty(Validate("""{"id":"0f6e2b6a-4c1d-4e8a-9d3b-7a5c2e1f0b9d","kind":"a","version":"1.0","name":"abc","tags":["x"],"child":{"x":1}}"""));

    [Theory]
    [InlineData("""{"tags":[]}""", "'id' is missing")]
    [InlineData("""{"id":"nope","tags":[]}""", "$.id: 'nope' does not match")]
    [InlineData("""{"id":"0f6e2b6a-4c1d-4e8a-9d3b-7a5c2e1f0b9d","tags":[],"extra":1}""", "'extra' is not allowed")]
    [InlineData("""{"id":"0f6e2b6a-4c1d-4e8a-9d3b-7a5c2e1f0b9d","tags":[],"kind":"c"}""", "$.kind: \"c\" is not one of")]
    [InlineData("""{"id":"0f6e2b6a-4c1d-4e8a-9d3b-7a5c2e1f0b9d","tags":[],"version":"2.0"}""", "$.version: must be")]
    [InlineData("""{"id":"0f6e2b6a-4c1d-4e8a-9d3b-7a5c2e1f0b9d","tags":[],"name":"toolong"}""", "$.name: longer than maxLength 5")]
    [InlineData("""{"id":"0f6e2b6a-4c1d-4e8a-9d3b-7a5c2e1f0b9d","tags":["a","b","c"]}""", "$.tags: more than maxItems 2")]
    [InlineData("""{"id":"0f6e2b6a-4c1d-4e8a-9d3b-7a5c2e1f0b9d","tags":[1]}""", "$.tags[0]: expected type")]
    [InlineData("""{"id":"0f6e2b6a-4c1d-4e8a-9d3b-7a5c2e1f0b9d","tags":[],"child":{"y":1}}""", "$.child.y: property 'y' is not allowed")]
    [InlineData("""{"id":"0f6e2b6a-4c1d-4e8a-9d3b-7a5c2e1f0b9d","tags":[],"child":{"x":1.5}}""", "$.child.x: expected type")]
    public void Invalid_instance_is_reported(string json, string expected) =>
        Assert.Contains(Validate(json), e => e.Contains(expected, StringComparison.Ordinal));
}
