namespace Conformance.Schema;

/// <summary>The JSON Schema specification versions the validator understands.</summary>
public enum Dialect
{
    /// <summary>draft-04 (http://json-schema.org/draft-04/schema#).</summary>
    Draft4,

    /// <summary>draft-06 (http://json-schema.org/draft-06/schema#).</summary>
    Draft6,

    /// <summary>draft-07 (http://json-schema.org/draft-07/schema#).</summary>
    Draft7,

    /// <summary>2019-09 (https://json-schema.org/draft/2019-09/schema).</summary>
    Draft201909,

    /// <summary>2020-12 (https://json-schema.org/draft/2020-12/schema).</summary>
    Draft202012,
}
