namespace Conformance.Checks;

/// <summary>Every check, in the order they run and are reported.</summary>
public static class CheckCatalog
{
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new StatusCodeConformanceCheck(), new BodySchemaConformanceCheck(), new BodyValueConformanceCheck(),
        new ContentTypeConformanceCheck(), new HeaderConformanceCheck(), new DocumentedStatusCheck(),
        new NotAServerErrorCheck(), new AllowOn405Check(), new WwwAuthenticateOn401Check(), new RetryAfterCheck(), new RateLimitHeadersCheck(),
        new LocationCheck(), new NoBodyOn204304Check(), new ConditionalNotModifiedCheck(), new Batch207Check(),
        new ResponseTimeCheck(),
    ];

    public static IReadOnlyList<string> Ids { get; } = All.Select(c => c.Id).ToList();
}
