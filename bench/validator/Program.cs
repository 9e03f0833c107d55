using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Conformance.Schema;

namespace Conformance.Bench.Validator;

/// <summary>Validates a typical RingCentral error body in a tight loop and prints throughput and allocation figures.</summary>
internal static class Program
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["errorCode", "message"],
          "additionalProperties": false,
          "properties": {
            "errorCode": { "$ref": "#/$defs/code" },
            "message": { "type": "string" },
            "errors": { "type": "array", "items": { "$ref": "#/$defs/error" } }
          },
          "$defs": {
            "code": { "type": "string", "pattern": "^[A-Z]{3}-\\d{3}$" },
            "error": {
              "type": "object",
              "required": ["errorCode", "message"],
              "additionalProperties": false,
              "properties": {
                "errorCode": { "$ref": "#/$defs/code" },
                "message": { "type": "string" },
                "parameterName": { "type": "string" },
                "severity": { "enum": ["error", "warning"] }
              }
            }
          }
        }
        """;

    private const string ValidBody = """
        {"errorCode":"CMN-101","message":"Parameter [to] value is invalid","errors":[{"errorCode":"CMN-101","message":"Parameter [to] value is invalid","parameterName":"to"}]}
        """;

    private const string InvalidBody = """
        {"errorCode":"CMN9","message":"Parameter [to] value is invalid","errors":[{"errorCode":"CMN-101","parameterName":"to","extra":1}]}
        """;

    /// <summary>Numbers as error bodies carry them: plain ones (decimal's fast path) and one written with an exponent (exact path).</summary>
    private const string NumberSchema = """
        {
          "type": "object",
          "properties": {
            "status": { "type": "integer", "minimum": 400, "maximum": 599 },
            "retryAfter": { "type": "number", "exclusiveMinimum": 0, "multipleOf": 0.5 },
            "limit": { "type": "integer", "enum": [100, 1000, 10000] },
            "ratio": { "type": "number", "minimum": 0, "maximum": 1 }
          }
        }
        """;

    private const string NumberBody = """{"status":429,"retryAfter":1.5,"limit":1000,"ratio":2.5e-1}""";

    public static void Main()
    {
        var compile = Stopwatch.StartNew();
        var loaded = JsonSchema.Parse(Schema);
        compile.Stop();
        var schema = loaded.Schema ?? throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Diagnostics));
        var compileMs = compile.Elapsed.TotalMilliseconds;
        var warmCompile = Stopwatch.StartNew();
        const int compiles = 200;
        for (var i = 0; i < compiles; i++)
        {
            _ = JsonSchema.Parse(Schema);
        }

        warmCompile.Stop();
        using var valid = JsonDocument.Parse(ValidBody);
        using var invalid = JsonDocument.Parse(InvalidBody);
        if (!schema.Validate(valid.RootElement).IsValid || schema.Validate(invalid.RootElement).IsValid)
        {
            throw new InvalidOperationException("benchmark bodies do not validate as expected");
        }

        Print("schema compile (first, incl. metaschema load)", compileMs, "ms");
        Print("schema compile (warm, average of 200)", warmCompile.Elapsed.TotalMilliseconds / compiles, "ms");
        Measure("valid body", schema, valid.RootElement);
        Measure("invalid body", schema, invalid.RootElement);
        using var numbers = JsonDocument.Parse(NumberBody);
        var numberSchema = JsonSchema.Parse(NumberSchema).Schema!;
        if (!numberSchema.Validate(numbers.RootElement).IsValid)
        {
            throw new InvalidOperationException("benchmark number body does not validate as expected");
        }

        Measure("number body", numberSchema, numbers.RootElement);
        LinkedSchemas.Run(300, oneByOne: true, Print);
        LinkedSchemas.Run(1500, oneByOne: false, Print);
    }

    private static void Measure(string label, JsonSchema schema, JsonElement instance)
    {
        for (var i = 0; i < 200_000; i++)
        {
            schema.Validate(instance);
        }

        // Five timed rounds; the machine may be shared, so the best and the median round are both printed.
        const int iterations = 500_000;
        var rates = new List<double>();
        long allocated = 0;
        for (var round = 0; round < 5; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                schema.Validate(instance);
            }

            watch.Stop();
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            rates.Add(iterations / watch.Elapsed.TotalSeconds);
        }

        rates.Sort();
        Print($"{label}: validations/s, best of 5 rounds", rates[^1], "/s");
        Print($"{label}: validations/s, median of 5 rounds", rates[2], "/s");
        Print($"{label}: bytes allocated per validation", (double)allocated / (iterations * 5), "B");
    }

    private static void Print(string what, double value, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-52} {value,14:N2} {unit}"));
}
