namespace Conformance.Schema.Keywords;

/// <summary>The text a translation of an ECMA-262 pattern (<see cref="EcmaPattern"/>) is made for.</summary>
internal enum EcmaText
{
    /// <summary>No surrogates: <c>.</c>, negated classes and \D \W \S are plain .NET sets.</summary>
    NoSurrogates,

    /// <summary>Surrogates, all in pairs: a pair is one character.</summary>
    Pairs,

    /// <summary>A lone surrogate somewhere: a pair is one character, a lone surrogate another (matched with lookarounds).</summary>
    LoneSurrogates,
}
