using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Mvai.Tests.Shared;

/// <summary>
/// Evaluates an ARM template's expressions the way a deployment would, for the functions our template uses
/// (concat, parameters, variables with copy loops, copyIndex, items, length, createArray, createObject, and
/// property and index access). Functions that need Azure (<c>reference</c>, <c>list*</c>, <c>resourceId</c>)
/// return stand-ins given by the test, so the app settings a deployment would produce can be checked whole.
/// Anything else is refused loudly: a template change the tests can't follow must not pass unnoticed.
/// </summary>
public sealed class ArmTemplate
{
    private readonly JsonObject _template;
    private readonly Dictionary<string, JsonNode?> _parameters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string, JsonNode?[], JsonNode?> _azure;
    private readonly Dictionary<string, int> _copyIndex = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="template">The template.</param>
    /// <param name="parameterValues">Values for parameters; the rest take their defaults (none = an error when used).</param>
    /// <param name="azure">Stand-ins for <c>reference</c>, <c>listChannelWithKeys</c>, <c>resourceId</c>: (function, arguments) → result.</param>
    public ArmTemplate(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameterValues, Func<string, JsonNode?[], JsonNode?> azure)
    {
        _template = template;
        _azure = azure;
        foreach (var (name, definition) in template["parameters"]!.AsObject())
        {
            if (parameterValues.TryGetValue(name, out var value))
            {
                _parameters[name] = value?.DeepClone();
            }
            else if (definition!.AsObject().TryGetPropertyValue("defaultValue", out var fallback))
            {
                _parameters[name] = Evaluate(fallback);
            }
        }
    }

    /// <summary>Evaluates a template value: "[expr]" strings are expressions, objects and arrays are walked.</summary>
    public JsonNode? Evaluate(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) && IsExpression(text) =>
            new ExpressionReader(this, text[1..^1]).ReadWhole(),
        JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith("[[", StringComparison.Ordinal) =>
            JsonValue.Create(text[1..]),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Evaluate(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Evaluate)]),
        _ => node?.DeepClone(),
    };

    private static bool IsExpression(string text) =>
        text.StartsWith('[') && !text.StartsWith("[[", StringComparison.Ordinal) && text.EndsWith(']');

    private JsonNode? Variable(string name)
    {
        var variables = _template["variables"]!.AsObject();
        if (variables.TryGetPropertyValue(name, out var variable))
        {
            return Evaluate(variable);
        }
        // A variable made by a copy loop: "copy": [{ "name", "count", "input" }].
        var loop = variables["copy"]?.AsArray().FirstOrDefault(c => string.Equals((string?)c!["name"], name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Unknown variable '{name}'.");
        var count = (int)Evaluate(loop["count"])!.GetValue<double>();
        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            _copyIndex[name] = i;
            items.Add(Evaluate(loop["input"]));
        }
        _copyIndex.Remove(name);
        return items;
    }

    private JsonNode? Call(string function, JsonNode?[] args) => function.ToLowerInvariant() switch
    {
        "parameters" => _parameters.TryGetValue(Text(args[0]), out var value)
            ? value?.DeepClone()
            : throw new InvalidOperationException($"Parameter '{Text(args[0])}' has no value and no default."),
        "variables" => Variable(Text(args[0])),
        "concat" when args.All(a => a is JsonArray) => new JsonArray([.. args.SelectMany(a => a!.AsArray()).Select(n => n?.DeepClone())]),
        "concat" => JsonValue.Create(string.Concat(args.Select(Text))),
        "string" => JsonValue.Create(Text(args[0])),
        "copyindex" => JsonValue.Create((double)_copyIndex[Text(args[0])]),
        "length" => JsonValue.Create((double)(args[0] switch
        {
            JsonArray array => array.Count,
            JsonObject obj => obj.Count,
            var other => Text(other).Length,
        })),
        "items" => new JsonArray([.. args[0]!.AsObject()
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => new JsonObject { ["key"] = p.Key, ["value"] = p.Value?.DeepClone() })]),
        "createarray" => new JsonArray([.. args.Select(a => a?.DeepClone())]),
        "createobject" => new JsonObject(args.Chunk(2).Select(pair => KeyValuePair.Create(Text(pair[0]), pair[1]?.DeepClone()))),
        "resourcegroup" => new JsonObject { ["location"] = "eastus2" },
        "subscription" => new JsonObject { ["tenantId"] = "00000000-0000-0000-0000-000000000000" },
        "reference" or "resourceid" or "listchannelwithkeys" => _azure(function, args),
        _ => throw new NotSupportedException($"ARM function '{function}' is not supported by the test evaluator."),
    };

    private static string Text(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value when value.TryGetValue<int>(out var i) => i.ToString(CultureInfo.InvariantCulture),
        JsonValue value when value.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        JsonValue value when value.TryGetValue<bool>(out var b) => b ? "True" : "False",
        _ => throw new InvalidOperationException($"Expected a string, got {node?.ToJsonString() ?? "null"}."),
    };

    /// <summary>Recursive descent over one expression: calls, 'strings', numbers, .property and [index].</summary>
    private sealed class ExpressionReader(ArmTemplate template, string text)
    {
        private int _at;

        public JsonNode? ReadWhole()
        {
            var value = ReadExpression();
            SkipSpace();
            // A property or element picked out of a parameter still belongs to it; the caller gets its own copy.
            return _at == text.Length ? value?.DeepClone() : throw Error("unexpected text");
        }

        private JsonNode? ReadExpression()
        {
            SkipSpace();
            var value = Peek() switch
            {
                '\'' => JsonValue.Create(ReadString()),
                var c when char.IsAsciiDigit(c) || c == '-' => JsonValue.Create(ReadNumber()),
                _ => ReadCall(),
            };
            while (true)
            {
                SkipSpace();
                if (Peek() == '.')
                {
                    _at++;
                    var name = ReadName();
                    value = value is JsonObject obj
                        ? obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value
                            ?? throw Error($"no property '{name}'")
                        : throw Error($"'.{name}' on a non-object");
                }
                else if (Peek() == '[')
                {
                    _at++;
                    var index = ReadExpression();
                    Expect(']');
                    value = value switch
                    {
                        JsonArray array => array[(int)index!.GetValue<double>()],
                        JsonObject obj => obj[Text(index)],
                        _ => throw Error("indexing a value that is neither array nor object"),
                    };
                }
                else
                {
                    return value;
                }
            }
        }

        private JsonNode? ReadCall()
        {
            var name = ReadName();
            Expect('(');
            var args = new List<JsonNode?>();
            SkipSpace();
            if (Peek() != ')')
            {
                do
                {
                    args.Add(ReadExpression());
                    SkipSpace();
                }
                while (TryTake(','));
            }
            Expect(')');
            return template.Call(name, [.. args]);
        }

        private string ReadString()
        {
            Expect('\'');
            var result = new StringBuilder();
            while (true)
            {
                if (_at >= text.Length)
                {
                    throw Error("unterminated string");
                }
                var c = text[_at++];
                if (c == '\'')
                {
                    if (Peek() != '\'')
                    {
                        return result.ToString();
                    }
                    _at++; // '' is an escaped quote
                }
                result.Append(c);
            }
        }

        private double ReadNumber()
        {
            var start = _at;
            _at++;
            while (_at < text.Length && char.IsAsciiDigit(text[_at]))
            {
                _at++;
            }
            return double.Parse(text.AsSpan(start, _at - start), CultureInfo.InvariantCulture);
        }

        private string ReadName()
        {
            SkipSpace();
            var start = _at;
            while (_at < text.Length && (char.IsAsciiLetterOrDigit(text[_at]) || text[_at] == '_'))
            {
                _at++;
            }
            return _at > start ? text[start.._at] : throw Error("expected a name");
        }

        private char Peek() => _at < text.Length ? text[_at] : '\0';

        private bool TryTake(char c)
        {
            if (Peek() != c)
            {
                return false;
            }
            _at++;
            return true;
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (!TryTake(c))
            {
                throw Error($"expected '{c}'");
            }
        }

        private void SkipSpace()
        {
            while (_at < text.Length && text[_at] == ' ')
            {
                _at++;
            }
        }

        private InvalidOperationException Error(string what) => new($"ARM expression, {what} at {_at}: [{text}]");
    }
}
