using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// Microsoft.OpenApi's JSON writer for a schema file, which writes a number too large for a double (an <c>example</c> of
/// <c>1e400</c>) as <c>null</c> instead of <c>Infinity</c>, no JSON value (the file could not be read back). The value
/// written is replaced by the document's own afterwards (<see cref="DataValues.Restore"/>).
/// </summary>
internal sealed class ExactJsonWriter(TextWriter text) : OpenApiJsonWriter(text)
{
    public override void WriteValue(double value)
    {
        if (double.IsFinite(value))
        {
            base.WriteValue(value);
        }
        else
        {
            WriteNull();
        }
    }

    public override void WriteValue(float value)
    {
        if (float.IsFinite(value))
        {
            base.WriteValue(value);
        }
        else
        {
            WriteNull();
        }
    }
}
