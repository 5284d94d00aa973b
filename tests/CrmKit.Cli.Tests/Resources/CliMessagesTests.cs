using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Tests.Resources;

/// <summary>The resx files behind crmkit's own messages: English and Russian say the same things.</summary>
public sealed partial class CliMessagesTests
{
    private static readonly ResourceManager Manager = new("CrmKit.Cli.Resources.CliMessages", typeof(CliMessages).Assembly);

    [Fact]
    public void Resources_ShouldHaveTheSameKeys_InEnglishAndRussian()
    {
        var english = Read(CultureInfo.InvariantCulture);
        var russian = Read(CultureInfo.GetCultureInfo("ru"));

        english.ShouldNotBeEmpty();
        russian.Keys.Order(StringComparer.Ordinal).ShouldBe(english.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Resources_ShouldUseTheSamePlaceholders_InEnglishAndRussian()
    {
        var english = Read(CultureInfo.InvariantCulture);
        var russian = Read(CultureInfo.GetCultureInfo("ru"));

        foreach (var (key, text) in english)
        {
            Placeholders(russian[key]).ShouldBe(Placeholders(text), key);
        }
    }

    [Fact]
    public void Accessor_ShouldNameOnlyExistingKeys()
    {
        var english = Read(CultureInfo.InvariantCulture);
        string[] plumbing = [nameof(CliMessages.Culture), nameof(CliMessages.Languages), nameof(CliMessages.Get)];
        var members = typeof(CliMessages)
            .GetMembers(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m is PropertyInfo or FieldInfo || (m is MethodInfo method && !method.IsSpecialName))
            .Select(m => m.Name)
            .Except(plumbing)
            .ToList();

        members.ShouldNotBeEmpty();
        members.Where(name => !english.ContainsKey(name)).ShouldBeEmpty();
    }

    [Fact]
    public void Culture_ShouldBeEnglish_WhenNoRunChoseOne()
    {
        CliMessages.Culture.Name.ShouldBe("en");
        CliMessages.Yes.ShouldBe("yes");
    }

    private static Dictionary<string, string> Read(CultureInfo culture)
    {
        var set = Manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No CLI messages for '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static List<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"(?<!\{)\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
