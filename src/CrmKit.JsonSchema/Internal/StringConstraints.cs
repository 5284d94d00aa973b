using System.Text.RegularExpressions;
using CrmKit.JsonSchema.Internal.Formats;

namespace CrmKit.JsonSchema.Internal;

/// <summary>The string assertions of one schema: <c>minLength</c>, <c>maxLength</c>, <c>pattern</c> and <c>format</c>.</summary>
internal sealed class StringConstraints
{
    private readonly long? _minLength;
    private readonly long? _maxLength;
    private readonly Regex? _pattern;
    private readonly string? _patternText;
    private readonly SchemaFormat? _format;

    public StringConstraints(long? minLength, long? maxLength, string? patternText, Regex? pattern, SchemaFormat? format)
    {
        _minLength = minLength;
        _maxLength = maxLength;
        _patternText = patternText;
        _pattern = pattern;
        _format = format;
    }

    public bool IsValid(string text) =>
        MinLengthHolds(text)
        && MaxLengthHolds(text)
        && PatternHolds(text)
        && (_format is not { } format || FormatValidator.IsValid(format, text));

    public void Collect(string text, ICollection<SchemaViolation> violations, string pointer)
    {
        if (!MinLengthHolds(text))
        {
            violations.Add(new SchemaViolation(pointer, "minLength", _minLength));
        }

        if (!MaxLengthHolds(text))
        {
            violations.Add(new SchemaViolation(pointer, "maxLength", _maxLength));
        }

        if (!PatternHolds(text))
        {
            violations.Add(new SchemaViolation(pointer, "pattern", _patternText));
        }

        if (_format is { } format && !FormatValidator.IsValid(format, text))
        {
            violations.Add(new SchemaViolation(pointer, "format", FormatValidator.NameOf(format)));
        }
    }

    private bool MinLengthHolds(string text)
    {
        // A string has at least Length / 2 code points and at most Length, so most checks need no counting.
        if (_minLength is not { } min || text.Length / 2 >= min)
        {
            return true;
        }

        return text.Length >= min && CountCodePoints(text) >= min;
    }

    private bool MaxLengthHolds(string text)
    {
        if (_maxLength is not { } max || text.Length <= max)
        {
            return true;
        }

        return CountCodePoints(text) <= max;
    }

    private bool PatternHolds(string text)
    {
        if (_pattern is null)
        {
            return true;
        }

        try
        {
            return _pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A match that runs away is treated as a failed assertion rather than an error of the caller.
            return false;
        }
    }

    private static long CountCodePoints(string text)
    {
        long count = text.Length;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
            {
                count--;
            }
        }

        return count;
    }
}
