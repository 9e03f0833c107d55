using System.Text.Json;

namespace Conformance.Pact.Tests;

/// <summary>The pact the round-trip and verifier tests share: an orders UI relying on an orders API.</summary>
internal static class OrdersPact
{
    internal const string Consumer = "orders-ui";
    internal const string Provider = "orders-api";

    internal const string ErrorSchema = """
        {
          "type": "object",
          "required": ["errors"],
          "properties": {
            "errors": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["errorCode", "message"],
                "properties": {
                  "errorCode": { "type": "string", "enum": ["ORDER_NOT_FOUND", "ORDER_GONE"] },
                  "message": { "type": "string" },
                  "traceId": { "type": "string", "pattern": "^[0-9a-f]{16}$" },
                  "status": { "type": "integer" }
                }
              }
            }
          }
        }
        """;

    internal const string NotFoundBody =
        """{"errors":[{"errorCode":"ORDER_NOT_FOUND","message":"Order 999 does not exist.","traceId":"0af7651916cd43dd","status":404}]}""";

    internal const string OrderBody = """{"id":42,"status":"OPEN","total":12.5}""";

    internal const string SearchBody = """{"items":[{"id":42,"status":"OPEN","total":12.5}]}""";

    internal static PactInteraction GetOrder => new(
        "a request for order 42",
        "order 42 exists",
        PactRequest.Of("GET", "/orders/42") with { Headers = new Dictionary<string, string> { ["Accept"] = "application/json" } },
        PactResponse.Json(200, OrderBody, [BodyMatcher.IntegerNumber("$.id"), BodyMatcher.Type("$.total")]));

    internal static PactInteraction MissingOrder => new(
        "a request for a missing order",
        "order 999 does not exist",
        PactRequest.Of("GET", "/orders/999"),
        PactResponse.Json(404, NotFoundBody, ErrorMatchers(NotFoundBody)));

    internal static PactInteraction SearchOrders => new(
        "a search for open orders",
        null,
        PactRequest.Of("GET", "/orders") with { Query = [new("status", "OPEN"), new("limit", "10")] },
        PactResponse.Json(200, SearchBody, [BodyMatcher.Type("$.items")]));

    internal static PactDefinition Definition => new(Consumer, Provider, [GetOrder, MissingOrder, SearchOrders]);

    internal static IReadOnlyList<BodyMatcher> ErrorMatchers(string body)
    {
        using var schema = JsonDocument.Parse(ErrorSchema);
        using var example = JsonDocument.Parse(body);
        return SchemaMatchers.From(schema.RootElement, example.RootElement);
    }
}
