using System;

namespace SafetyTests;

/// <summary>The kinds of personal data the PII judge looks for.</summary>
[Flags]
public enum PiiEntity
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>E-mail addresses.</summary>
    Email = 1,

    /// <summary>Phone numbers valid for their region (libphonenumber).</summary>
    Phone = 2,

    /// <summary>Payment card numbers (13–19 digits passing the Luhn check).</summary>
    PaymentCard = 4,

    /// <summary>IBANs passing the ISO 13616 mod-97 check.</summary>
    Iban = 8,

    /// <summary>US social security numbers (<c>123-45-6789</c>, valid area/group/serial).</summary>
    UsSsn = 16,

    /// <summary>IPv4 and IPv6 addresses.</summary>
    IpAddress = 32,

    /// <summary>All of the above.</summary>
    All = Email | Phone | PaymentCard | Iban | UsSsn | IpAddress,
}
