using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CrmKit.Core.Records;

/// <summary>
/// Makes UUIDv7 record ids (RFC 9562) that are strictly increasing within this process, also for ids made in the same
/// millisecond (the "monotonic random" method: the random bits after the timestamp are incremented), so that id order
/// is creation order — what keyset paging by id and "sort by id" promise.
/// </summary>
internal static class RecordIds
{
    private static readonly Lock Gate = new();
    private static ulong _lastHigh;
    private static ulong _lastLow;

    public static Guid Next(DateTimeOffset now)
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        var milliseconds = (ulong)now.ToUnixTimeMilliseconds() & 0xFFFF_FFFF_FFFFUL;

        // high: 48-bit timestamp, version 7, 12 random bits; low: variant 10, 62 random bits.
        var high = (milliseconds << 16) | 0x7000UL | (BinaryPrimitives.ReadUInt16BigEndian(random) & 0x0FFFUL);
        var low = 0x8000_0000_0000_0000UL | (BinaryPrimitives.ReadUInt64BigEndian(random[8..]) & 0x3FFF_FFFF_FFFF_FFFFUL);
        lock (Gate)
        {
            // Same (or an earlier, if the clock stepped back) millisecond as the last id: continue from it.
            if ((high >> 16) <= (_lastHigh >> 16))
            {
                (high, low) = Increment(_lastHigh, _lastLow);
            }

            (_lastHigh, _lastLow) = (high, low);
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
        return new Guid(bytes, bigEndian: true);
    }

    private static (ulong High, ulong Low) Increment(ulong high, ulong low)
    {
        var random = (low & 0x3FFF_FFFF_FFFF_FFFFUL) + 1;
        if (random <= 0x3FFF_FFFF_FFFF_FFFFUL)
        {
            return (high, 0x8000_0000_0000_0000UL | random);
        }

        // 62 bits ran over within one millisecond: carry into the 12 bits after the version, and past those into the
        // timestamp (the id is then "from" the next millisecond, which keeps the order).
        return (high & 0x0FFFUL) < 0x0FFFUL
            ? (high + 1, 0x8000_0000_0000_0000UL)
            : ((((high >> 16) + 1) << 16) | 0x7000UL, 0x8000_0000_0000_0000UL);
    }
}
