namespace Conformance.Pact.Interop;

/// <summary>pact_ffi's <c>InteractionPart</c> (repr C).</summary>
internal enum InteractionPart
{
    Request = 0,
    Response = 1,
}

/// <summary>pact_ffi's <c>PactSpecification</c> (repr C).</summary>
internal enum PactSpecification
{
    Unknown = 0,
    V1 = 1,
    V1_1 = 2,
    V2 = 3,
    V3 = 4,
    V4 = 5,
}

/// <summary>pact_ffi's <c>LevelFilter</c> (repr C).</summary>
internal enum LogLevelFilter
{
    Off = 0,
    Error = 1,
    Warn = 2,
    Info = 3,
    Debug = 4,
    Trace = 5,
}
