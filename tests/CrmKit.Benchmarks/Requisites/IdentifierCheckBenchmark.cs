using System.Diagnostics;
using System.Globalization;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Plugins.Requisites.Identifiers;

namespace CrmKit.Benchmarks.Requisites;

/// <summary>
/// INN/OGRN check throughput on one thread: the requisites plugin's checks (<see cref="RussianIdentifiers"/>, what its
/// field types and the EGRUL lookup run) over a mix of 10- and 12-digit INNs and 13-digit OGRNs, one in ten with a
/// wrong check digit, against a plain digit-parse loop over the same strings (each character checked to be a digit
/// and folded into a number) measured in the same run. Target: at least 5,000,000 checks per second, with no
/// allocation.
/// </summary>
internal sealed class IdentifierCheckBenchmark(BenchmarkSettings settings, BenchmarkReport report)
{
    public const string Name = "requisites";
    private const double Target = 5_000_000;

    public Task RunAsync()
    {
        var count = settings.Quick ? 200_000 : 2_000_000;
        Console.WriteLine();
        Console.WriteLine($"== requisites: {count:N0} INN/OGRN checks per round (40% INN-10, 20% INN-12, 40% OGRN; 10% with a wrong check digit), one thread ==");
        var (identifiers, expectedValid) = Generate(count, seed: 17);

        // Warm-up of both for at least a second, so tiered JIT has compiled the loops before anything is measured.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(1))
        {
            ParseDigits(identifiers);
            Check(identifiers);
        }

        var contenders = new (string Name, Func<string[], int> Run)[]
        {
            ("plain digit-parse loop (baseline)", ParseDigits),
            ("RussianIdentifiers.CheckInn/CheckOgrn", Check),
        };
        var samples = contenders.Select(_ => new Samples()).ToArray();
        long allocated = 0;
        var valid = 0;
        for (var round = 0; round < settings.Rounds; round++)
        {
            foreach (var i in Rounds.Rotate(Enumerable.Range(0, contenders.Length).ToList(), round))
            {
                Rounds.ForceGc();
                var stopwatch = Stopwatch.StartNew();
                var before = GC.GetAllocatedBytesForCurrentThread();
                var result = contenders[i].Run(identifiers);
                var after = GC.GetAllocatedBytesForCurrentThread();
                stopwatch.Stop();
                if (i == 1)
                {
                    allocated += after - before;
                    valid = result;
                }

                samples[i].Add(stopwatch.Elapsed);
                Console.WriteLine($"  round {round + 1}: {contenders[i].Name,-40} {BenchmarkReport.Duration(stopwatch.Elapsed),10}  ({BenchmarkReport.Count(count / stopwatch.Elapsed.TotalSeconds)}/s)");
            }
        }

        if (valid != expectedValid)
        {
            report.SanityFailure($"requisites: the checks accepted {valid:N0} identifiers; {expectedValid:N0} are valid.");
        }

        var label = $"{Name}: INN/OGRN checks";
        report.Add(new ResultRow(label, contenders[0].Name, samples[0], count, "identifier", null));
        report.Add(new ResultRow(label, contenders[1].Name, samples[1], count, "identifier", samples[0]));
        // Judged on the best round, like every target (docs/performance.md, Method); the median is printed beside it.
        var rate = count / samples[1].Best.TotalSeconds;
        report.Add(new TargetRow(
            "requisites: INN/OGRN checks ≥ 5,000,000 per second (one thread)",
            string.Create(CultureInfo.InvariantCulture,
                $"{BenchmarkReport.Count(rate)}/s best, {BenchmarkReport.Count(count / samples[1].Median.TotalSeconds)}/s median; {samples[1].Best / samples[0].Best:0.00}x the digit-parse loop's time (best/best; {samples[1].Median / samples[0].Median:0.00}x median/median)"),
            rate >= Target));
        report.Add(new TargetRow(
            "requisites: the checks allocate nothing",
            string.Create(CultureInfo.InvariantCulture, $"{allocated:N0} bytes over {settings.Rounds * (long)count:N0} checks"),
            allocated == 0));
        return Task.CompletedTask;
    }

    /// <summary>The checks as the field types run them: the identifier's kind by its length, then its rule.</summary>
    private static int Check(string[] identifiers)
    {
        var valid = 0;
        foreach (var identifier in identifiers)
        {
            var error = identifier.Length == 13 ? RussianIdentifiers.CheckOgrn(identifier) : RussianIdentifiers.CheckInn(identifier);
            if (error == IdentifierError.None)
            {
                valid++;
            }
        }

        return valid;
    }

    /// <summary>The least any check must do: read each character, make sure it is a digit, fold it into a number.</summary>
    private static int ParseDigits(string[] identifiers)
    {
        var odd = 0;
        foreach (var identifier in identifiers)
        {
            long value = 0;
            var digits = true;
            foreach (var c in identifier)
            {
                if (c is < '0' or > '9')
                {
                    digits = false;
                    break;
                }

                value = (value * 10) + (c - '0');
            }

            if (digits && (value & 1) == 1)
            {
                odd++;
            }
        }

        return odd;
    }

    private static (string[] Identifiers, int Valid) Generate(int count, int seed)
    {
        var random = new Random(seed);
        var identifiers = new string[count];
        var valid = 0;
        for (var i = 0; i < count; i++)
        {
            var slot = i % 10;
            var identifier = slot < 4 ? WithCheckDigits(random, 10, RussianIdentifiers.CheckInn)
                : slot < 6 ? WithCheckDigits(random, 12, RussianIdentifiers.CheckInn)
                : WithCheckDigits(random, 13, RussianIdentifiers.CheckOgrn);
            if (i % 10 == 7)
            {
                var last = (char)('0' + ((identifier[^1] - '0' + 1) % 10));
                identifier = identifier[..^1] + last;
            }
            else
            {
                valid++;
            }

            identifiers[i] = identifier;
        }

        return (identifiers, valid);
    }

    private delegate IdentifierError Rule(ReadOnlySpan<char> value);

    /// <summary>Random leading digits (never "00") and the check digits that make them valid, found by trying.</summary>
    private static string WithCheckDigits(Random random, int length, Rule rule)
    {
        var digits = new char[length];
        digits[0] = (char)('1' + random.Next(9));
        for (var d = 1; d < length; d++)
        {
            digits[d] = (char)('0' + random.Next(10));
        }

        // The last two positions cover both INN-12 check digits; the others need only the last.
        for (var tail = 0; tail < 100; tail++)
        {
            digits[length - 1] = (char)('0' + (tail % 10));
            if (length == 12)
            {
                digits[length - 2] = (char)('0' + (tail / 10));
            }

            if (rule(digits) == IdentifierError.None)
            {
                return new string(digits);
            }
        }

        throw new InvalidOperationException("No check digit makes the identifier valid.");
    }
}
