using System.Globalization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Twinning.Infrastructure.Data;

/// <summary>
/// Short lists of codes (countries, languages, bands, theme ids) stored as one comma-separated column:
/// they are read with their owner and never queried by element in SQL.
/// </summary>
internal static class ListConversion
{
    public static PropertyBuilder<IReadOnlyList<string>> HasCommaSeparatedConversion(this PropertyBuilder<IReadOnlyList<string>> property) =>
        property.HasConversion(
            items => string.Join(',', items),
            stored => stored.Split(',', StringSplitOptions.RemoveEmptyEntries),
            Comparer<string>());

    public static PropertyBuilder<IReadOnlyList<int>> HasCommaSeparatedConversion(this PropertyBuilder<IReadOnlyList<int>> property) =>
        property.HasConversion(
            items => string.Join(',', items.Select(i => i.ToString(CultureInfo.InvariantCulture))),
            stored => stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
            Comparer<int>());

    public static PropertyBuilder<IReadOnlyList<TEnum>> HasCommaSeparatedConversion<TEnum>(this PropertyBuilder<IReadOnlyList<TEnum>> property)
        where TEnum : struct, Enum =>
        property.HasConversion(
            items => string.Join(',', items.Select(i => i.ToString())),
            stored => stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Enum.Parse<TEnum>(s)).ToArray(),
            Comparer<TEnum>());

    private static ValueComparer<IReadOnlyList<T>> Comparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item!.GetHashCode())),
        list => list.ToArray());
}
