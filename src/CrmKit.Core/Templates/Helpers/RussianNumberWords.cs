using System.Text;

namespace CrmKit.Core.Templates.Helpers;

/// <summary>Whole numbers in Russian words, in the grammatical gender of the noun they count.</summary>
internal static class RussianNumberWords
{
    private static readonly string[] UnitsMasculine = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
    private static readonly string[] UnitsFeminine = ["", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
    private static readonly string[] Teens =
        ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"];
    private static readonly string[] Tens = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"];
    private static readonly string[] Hundreds = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"];

    // Scales above the units: the word forms (one, few, many) and whether the noun is feminine (тысяча).
    private static readonly (string One, string Few, string Many, bool Feminine)[] Scales =
    [
        ("тысяча", "тысячи", "тысяч", true),
        ("миллион", "миллиона", "миллионов", false),
        ("миллиард", "миллиарда", "миллиардов", false),
        ("триллион", "триллиона", "триллионов", false),
    ];

    /// <summary>The largest number spelled out (just under a quadrillion).</summary>
    public const long MaxValue = 999_999_999_999_999;

    /// <summary>Spells a whole number: <c>1234</c> → <c>одна тысяча двести тридцать четыре</c> (for a feminine noun: <c>одна</c>).</summary>
    /// <param name="number">The number, 0 to <see cref="MaxValue"/>.</param>
    /// <param name="feminine">Whether the counted noun is feminine (копейка), which changes один/два into одна/две.</param>
    /// <returns>The words, lower case.</returns>
    public static string Spell(long number, bool feminine)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxValue);
        if (number == 0)
        {
            return "ноль";
        }

        var words = new List<string>();
        var groups = new List<int>();
        for (var rest = number; rest > 0; rest /= 1000)
        {
            groups.Add((int)(rest % 1000));
        }

        for (var i = groups.Count - 1; i >= 0; i--)
        {
            var group = groups[i];
            if (group == 0)
            {
                continue;
            }

            var groupFeminine = i == 0 ? feminine : Scales[i - 1].Feminine;
            AppendTriad(words, group, groupFeminine);
            if (i > 0)
            {
                var scale = Scales[i - 1];
                words.Add(PluralForms.Russian(group) switch
                {
                    PluralForms.RussianForm.One => scale.One,
                    PluralForms.RussianForm.Few => scale.Few,
                    _ => scale.Many,
                });
            }
        }

        return string.Join(' ', words);
    }

    private static void AppendTriad(List<string> words, int triad, bool feminine)
    {
        var hundreds = triad / 100;
        var tens = triad / 10 % 10;
        var units = triad % 10;
        if (hundreds > 0)
        {
            words.Add(Hundreds[hundreds]);
        }

        if (tens == 1)
        {
            words.Add(Teens[units]);
            return;
        }

        if (tens > 1)
        {
            words.Add(Tens[tens]);
        }

        if (units > 0)
        {
            words.Add((feminine ? UnitsFeminine : UnitsMasculine)[units]);
        }
    }

    /// <summary>Upper-cases the first letter.</summary>
    public static string Capitalize(string text) =>
        text.Length == 0 ? text : new StringBuilder(text.Length).Append(char.ToUpper(text[0], System.Globalization.CultureInfo.GetCultureInfo("ru-RU"))).Append(text, 1, text.Length - 1).ToString();
}
