using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace SafetyTests.Json;

/// <summary>
/// The property names seen in one JSON object, to reject duplicates: well-known names are bits of a mask (no
/// hashing), others go to a set made on first need. A mutable struct: keep it in a local and pass it by reference.
/// </summary>
internal struct PropertySet
{
    private ulong _known;
    private HashSet<string>? _others;

    /// <summary>Records the current property name of <paramref name="reader"/>; a second occurrence in the same object is an error.</summary>
    /// <exception cref="FormatException">The name was seen before in this object.</exception>
    [MethodImpl(Optimization.Hot)]
    public void Add(JsonTokenReader reader)
    {
        int id = reader.NameId;
        if (id >= 0 && id < 64)
        {
            ulong bit = 1UL << id;
            if ((_known & bit) == 0)
            {
                _known |= bit;
                return;
            }
        }
        else if ((_others ??= new HashSet<string>(StringComparer.Ordinal)).Add(reader.Value!))
        {
            return;
        }

        throw reader.Error($"duplicate property '{reader.Value}'");
    }

    /// <summary>Forgets every name (for the next object).</summary>
    public void Clear()
    {
        _known = 0;
        _others?.Clear();
    }
}
