using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Conformance.Schema.Formats;

/// <summary>email (RFC 5321 mailbox, simplified), hostname (RFC 1123), ipv4/ipv6 and their IDN variants.</summary>
internal static partial class NetworkFormats
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    public static bool IsEmail(string value) => IsMailbox(value, IsHostname);

    public static bool IsIdnEmail(string value) => IsMailbox(value, IsIdnHostname);

    public static bool IsHostname(string value)
    {
        if (value.Length == 0 || value.Length > 253 || value.EndsWith('.'))
        {
            return false;
        }

        foreach (var label in value.Split('.'))
        {
            if (!LabelPattern().IsMatch(label))
            {
                return false;
            }

            if (label.Length >= 4 && label[2] == '-' && label[3] == '-' && !label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) && !IsPunycode(label))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsIdnHostname(string value)
    {
        if (value.Length == 0 || value.Any(c => c is '\u3002' or '\uff0e' or '\uff61') && value.EndsWith('.'))
        {
            return false;
        }

        try
        {
            var ascii = Idn.GetAscii(value);
            return IsHostname(ascii);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static bool IsIpv4(string value) =>
        Ipv4Pattern().IsMatch(value) && value.Split('.').All(p => p.Length == 1 || p[0] != '0');

    public static bool IsIpv6(string value)
    {
        if (value.Length == 0 || value.Any(c => c is '%' or '/' or '[' or ']' || char.IsWhiteSpace(c) || c > 127))
        {
            return false;
        }

        var lastColon = value.LastIndexOf(':');
        if (value.Contains('.', StringComparison.Ordinal) && !IsIpv4(value[(lastColon + 1)..]))
        {
            return false;
        }

        return IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
            && value.Split(':').All(part => part.Length <= 4 || part.Contains('.', StringComparison.Ordinal));
    }

    private static bool IsPunycode(string label)
    {
        try
        {
            var unicode = Idn.GetUnicode(label);
            return unicode.Length > 0 && !string.Equals(unicode, label, StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsMailbox(string value, Func<string, bool> isHost)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1)
        {
            return false;
        }

        var local = value[..at];
        var domain = value[(at + 1)..];
        var localValid = local.StartsWith('"') && local.EndsWith('"') && local.Length >= 2
            ? !local[1..^1].Contains('"', StringComparison.Ordinal)
            : LocalPattern().IsMatch(local) && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal);
        if (!localValid)
        {
            return false;
        }

        if (domain.StartsWith('[') && domain.EndsWith(']'))
        {
            var literal = domain[1..^1];
            return literal.StartsWith("IPv6:", StringComparison.Ordinal) ? IsIpv6(literal[5..]) : IsIpv4(literal);
        }

        return isHost(domain);
    }

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\z", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex(@"^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex LocalPattern();
}
