using Conformance.Probing.Scenarios;

namespace Conformance.Probing;

/// <summary>The scenarios a row may name: the built-ins plus any a user registers before loading.</summary>
public static class ScenarioCatalog
{
    private static readonly Dictionary<string, IScenario> Scenarios = Create();

    public static IReadOnlyList<string> Ids => [.. Scenarios.Keys];

    public static IScenario? Find(string id) => Scenarios.GetValueOrDefault(id);

    /// <summary>Adds a user scenario; its id must be new.</summary>
    public static void Register(IScenario scenario)
    {
        lock (Scenarios)
        {
            if (!Scenarios.TryAdd(scenario.Id, scenario))
            {
                throw new InvalidOperationException($"A scenario named '{scenario.Id}' is already registered.");
            }
        }
    }

    private static Dictionary<string, IScenario> Create()
    {
        IScenario[] all =
        [
            new ValidScenario(), new NoAuthScenario(), new BadAuthScenario(), new WrongMethodScenario(), new UnknownIdScenario(),
            new MalformedJsonScenario(), new WrongContentTypeScenario(), new MissingFieldScenario(), new InvalidFieldScenario(),
            new TooLongFieldScenario(), new NotAcceptableScenario(), new ConditionalGetScenario(), new ParamsInBodyScenario(),
            new FormBodyScenario(), new RateLimitScenario(), new CustomScenario(), new FollowRedirectScenario(),
        ];
        return all.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }
}
