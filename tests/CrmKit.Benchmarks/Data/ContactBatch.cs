using System.Text.Json.Nodes;

namespace CrmKit.Benchmarks.Data;

/// <summary>
/// The bulk benchmarks' rows: the request bodies of N generated contacts and the data column CrmKit stores for each
/// (what the baselines insert), the same for the SQLite and the PostgreSQL benchmark.
/// </summary>
internal sealed class ContactBatch
{
    private ContactBatch(string[] inputs, string[] stored)
    {
        Inputs = inputs;
        Stored = stored;
    }

    /// <summary>The request bodies (JSON text).</summary>
    public string[] Inputs { get; }

    /// <summary>The stored data column of each input, pre-serialized.</summary>
    public string[] Stored { get; }

    /// <summary>Generates <paramref name="rows"/> contacts (seed 42, a fifth as many referral codes as rows).</summary>
    public static ContactBatch Generate(int rows)
    {
        var generator = new ContactGenerator(seed: 42, referralCodes: Math.Max(1, rows / 5));
        var inputs = new string[rows];
        var stored = new string[rows];
        for (var i = 0; i < rows; i++)
        {
            inputs[i] = generator.NextInputJson(i);
            stored[i] = ContactGenerator.ToStoredJson(inputs[i]);
        }

        return new ContactBatch(inputs, stored);
    }

    /// <summary>The first <paramref name="count"/> request bodies as JSON objects, in batches (parsed before a clock starts).</summary>
    public List<JsonObject[]> ParseBatches(int count, int batchSize)
    {
        var batches = new List<JsonObject[]>();
        for (var start = 0; start < count; start += batchSize)
        {
            var batch = new JsonObject[Math.Min(batchSize, count - start)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = (JsonObject)JsonNode.Parse(Inputs[start + i])!;
            }

            batches.Add(batch);
        }

        return batches;
    }

    /// <summary>Compares stored data columns with the first <paramref name="count"/> expected ones, as sets.</summary>
    /// <returns>Null when equal, else a first differing pair.</returns>
    public (string? Actual, string? Expected)? Compare(List<string> actual, int count)
    {
        actual.Sort(StringComparer.Ordinal);
        var expected = Stored.Take(count).Order(StringComparer.Ordinal).ToList();
        var mismatch = actual.Zip(expected).FirstOrDefault(p => p.First != p.Second);
        return actual.Count != expected.Count || mismatch.First is not null
            ? (mismatch.First ?? actual.ElementAtOrDefault(expected.Count), mismatch.Second ?? expected.ElementAtOrDefault(actual.Count))
            : null;
    }
}
