using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SafetyTests.Json;

/// <summary>
/// Typed reads of the value after a property name, with messages that name the property path, what was expected,
/// what was found and where: <c>Invalid safety record: 'samples' must be an integer, got a string at line 1, column 60.</c>
/// A JSON null reads as "not given".
/// </summary>
internal static class JsonValues
{
    [MethodImpl(Optimization.Hot)]
    public static string? String(JsonTokenReader r, JsonPath path)
    {
        r.Read();
        return r.Token switch
        {
            JsonToken.Null => null,
            JsonToken.String => r.Value,
            _ => throw Wrong(r, path, "a string"),
        };
    }

    /// <summary>A string shared through <paramref name="pool"/> (no allocation for a value seen before); without a pool, a new string.</summary>
    [MethodImpl(Optimization.Hot)]
    public static string? String(JsonTokenReader r, JsonPath path, Gate.StringPool? pool)
    {
        if (pool is null)
        {
            return String(r, path);
        }

        r.Read();
        return r.Token switch
        {
            JsonToken.Null => null,
            JsonToken.String => r.PooledValue(pool),
            _ => throw Wrong(r, path, "a string"),
        };
    }

    [MethodImpl(Optimization.Hot)]
    public static long? Long(JsonTokenReader r, JsonPath path)
    {
        r.Read();
        if (r.Token == JsonToken.Null)
        {
            return null;
        }

        if (!r.TryGetInt64(out long value))
        {
            throw Wrong(r, path, "an integer");
        }

        return value;
    }

    [MethodImpl(Optimization.Hot)]
    public static int? Int(JsonTokenReader r, JsonPath path)
    {
        long? value = Long(r, path);
        if (value is null)
        {
            return null;
        }

        if (value < int.MinValue || value > int.MaxValue)
        {
            throw Wrong(r, path, "a 32-bit integer");
        }

        return (int)value.Value;
    }

    [MethodImpl(Optimization.Hot)]
    public static int NonNegativeInt(JsonTokenReader r, JsonPath path)
    {
        int value = Int(r, path) ?? 0;
        if (value < 0)
        {
            throw Wrong(r, path, "a non-negative integer");
        }

        return value;
    }

    [MethodImpl(Optimization.Hot)]
    public static double? Double(JsonTokenReader r, JsonPath path)
    {
        r.Read();
        if (r.Token == JsonToken.Null)
        {
            return null;
        }

        if (r.Token == JsonToken.String)
        {
            switch (r.Value)
            {
                case "NaN": return double.NaN;
                case "Infinity": return double.PositiveInfinity;
                case "-Infinity": return double.NegativeInfinity;
            }
        }

        if (!r.TryGetDouble(out double value))
        {
            throw Wrong(r, path, "a number");
        }

        return value;
    }

    public static bool? Bool(JsonTokenReader r, JsonPath path)
    {
        r.Read();
        return r.Token switch
        {
            JsonToken.Null => null,
            JsonToken.True => true,
            JsonToken.False => false,
            _ => throw Wrong(r, path, "true or false"),
        };
    }

    [MethodImpl(Optimization.Hot)]
    public static T? Enum<T>(JsonTokenReader r, JsonPath path, EnumNames<T> names)
        where T : struct, System.Enum
    {
        r.Read();
        if (r.Token == JsonToken.Null)
        {
            return null;
        }

        if (r.Token != JsonToken.String)
        {
            throw Wrong(r, path, "one of " + names.AllowedList);
        }

        return r.TryGetEnum(names, out T value)
            ? value
            : throw r.Error($"'{path}' is '{r.Value}'; allowed values are {names.AllowedList}");
    }

    /// <summary>Reads an array of strings into <paramref name="target"/> (null reads as empty).</summary>
    [MethodImpl(Optimization.Hot)]
    public static void StringList(JsonTokenReader r, JsonPath path, ICollection<string> target, Gate.StringPool? pool = null)
    {
        if (StartArray(r, path, "an array of strings"))
        {
            StringListItems(r, path, target, pool);
        }
    }

    /// <summary>Reads the strings of an array whose start was read, up to its end.</summary>
    [MethodImpl(Optimization.Hot)]
    public static void StringListItems(JsonTokenReader r, JsonPath path, ICollection<string> target, Gate.StringPool? pool = null)
    {
        while (r.Read() != JsonToken.EndArray)
        {
            if (r.Token != JsonToken.String)
            {
                throw Wrong(r, path, "an array of strings");
            }

            target.Add(pool is null ? r.Value! : r.PooledValue(pool)!);
        }
    }

    /// <summary>Checks that the value is a string or null without building it.</summary>
    [MethodImpl(Optimization.Hot)]
    public static void SkipString(JsonTokenReader r, JsonPath path)
    {
        r.DiscardStringValues = true;
        try
        {
            r.Read();
            if (r.Token is not (JsonToken.String or JsonToken.Null))
            {
                throw Wrong(r, path, "a string");
            }
        }
        finally
        {
            r.DiscardStringValues = false;
        }
    }

    /// <summary>Checks that the value is an array of strings (or null) without building the strings.</summary>
    [MethodImpl(Optimization.Hot)]
    public static void SkipStringList(JsonTokenReader r, JsonPath path)
    {
        r.DiscardStringValues = true;
        try
        {
            r.Read();
            if (r.Token == JsonToken.Null)
            {
                return;
            }

            if (r.Token != JsonToken.StartArray)
            {
                throw Wrong(r, path, "an array of strings");
            }

            while (r.Read() != JsonToken.EndArray)
            {
                if (r.Token != JsonToken.String)
                {
                    throw Wrong(r, path, "an array of strings");
                }
            }
        }
        finally
        {
            r.DiscardStringValues = false;
        }
    }

    /// <summary>Checks that the value is an object of strings (or null) without building the values.</summary>
    public static void SkipStringMap(JsonTokenReader r, JsonPath path)
    {
        r.Read();
        if (r.Token == JsonToken.Null)
        {
            return;
        }

        if (r.Token != JsonToken.StartObject)
        {
            throw Wrong(r, path, "an object of strings");
        }

        while (r.Read() != JsonToken.EndObject)
        {
            SkipString(r, path.Child(r.Value!));
        }
    }

    /// <summary>Reads an object of string values into <paramref name="target"/>.</summary>
    public static void StringMap(JsonTokenReader r, JsonPath path, IDictionary<string, string> target)
    {
        r.Read();
        if (r.Token == JsonToken.Null)
        {
            return;
        }

        if (r.Token != JsonToken.StartObject)
        {
            throw Wrong(r, path, "an object of strings");
        }

        while (r.Read() != JsonToken.EndObject)
        {
            string key = r.Value!;
            string? value = String(r, path.Child(key)) ?? throw Wrong(r, path.Child(key), "a string");
            target[key] = value;
        }
    }

    /// <summary>Reads the start of an object value; false when it is null.</summary>
    public static bool StartObject(JsonTokenReader r, JsonPath path)
    {
        r.Read();
        if (r.Token == JsonToken.Null)
        {
            return false;
        }

        return r.Token == JsonToken.StartObject ? true : throw Wrong(r, path, "an object");
    }

    /// <summary>Reads the start of an array value; false when it is null.</summary>
    public static bool StartArray(JsonTokenReader r, JsonPath path, string expected = "an array")
    {
        r.Read();
        if (r.Token == JsonToken.Null)
        {
            return false;
        }

        return r.Token == JsonToken.StartArray ? true : throw Wrong(r, path, expected);
    }

    public static FormatException Wrong(JsonTokenReader r, JsonPath path, string expected) =>
        r.Error($"'{path}' must be {expected}, got {r.Describe()}");

    public static FormatException Missing(JsonTokenReader r, JsonPath path, string expected, int line, int column) =>
        r.ErrorAt($"'{path}' is required ({expected})", line, column);
}
