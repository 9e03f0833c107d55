namespace Conformance.Pact;

/// <summary>libpact_ffi refused a step; the message names the step and carries the library's log tail.</summary>
public sealed class PactException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PactException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PactException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public PactException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
