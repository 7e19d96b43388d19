//! Unsigned big integers, just enough for exact decimal reading and writing in
//! [`crate::number`]: numbers up to about 2^1200 (`10^343` for the smallest subnormal, `2^1024`
//! for the largest double).

use std::cmp::Ordering;

/// Little-endian base-2^32 limbs, without high zero limbs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Big(Vec<u32>);

impl Big {
    pub fn from_u64(v: u64) -> Self {
        let mut b = Self(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    pub fn bit_len(&self) -> usize {
        self.0
            .last()
            .map_or(0, |top| self.0.len() * 32 - top.leading_zeros() as usize)
    }

    fn bit(&self, i: usize) -> bool {
        self.0.get(i / 32).is_some_and(|l| l >> (i % 32) & 1 == 1)
    }

    pub fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for limb in self.0.iter_mut() {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    pub fn shl(&mut self, bits: usize) {
        if self.is_zero() {
            return;
        }
        let (limbs, rest) = (bits / 32, bits % 32);
        if rest > 0 {
            let mut carry = 0u32;
            for limb in self.0.iter_mut() {
                let v = (*limb << rest) | carry;
                carry = *limb >> (32 - rest);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    /// Shifts right, rounding the dropped bits half to even.
    pub fn shr_round_even(&mut self, bits: usize) {
        let up = bits > 0
            && self.bit(bits - 1)
            && ((0..bits - 1).any(|i| self.bit(i)) || self.bit(bits));
        let (limbs, rest) = (bits / 32, bits % 32);
        self.0.drain(..limbs.min(self.0.len()));
        if rest > 0 {
            for i in 0..self.0.len() {
                let high = self.0.get(i + 1).map_or(0, |h| h << (32 - rest));
                self.0[i] = (self.0[i] >> rest) | high;
            }
        }
        self.trim();
        if up {
            self.add_one();
        }
    }

    fn add_one(&mut self) {
        for limb in self.0.iter_mut() {
            let (v, overflow) = limb.overflowing_add(1);
            *limb = v;
            if !overflow {
                return;
            }
        }
        self.0.push(1);
    }

    fn shr1(&mut self) {
        for i in 0..self.0.len() {
            let high = self.0.get(i + 1).map_or(0, |h| h << 31);
            self.0[i] = (self.0[i] >> 1) | high;
        }
        self.trim();
    }

    /// `self -= other`, for `other <= self`.
    fn sub(&mut self, other: &Self) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(v < 0);
            *limb = v.rem_euclid(1 << 32) as u32;
        }
        self.trim();
    }

    pub fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// The quotient `self / d` when it is below 2^54 (saturated otherwise); `self` keeps the
    /// remainder.
    pub fn div_small_quotient(&mut self, d: &Self) -> u64 {
        let mut shifted = d.clone();
        shifted.shl(54);
        if self.cmp(&shifted) != Ordering::Less {
            return u64::MAX;
        }
        let mut q = 0u64;
        for bit in (0..54).rev() {
            shifted.shr1();
            if self.cmp(&shifted) != Ordering::Less {
                self.sub(&shifted);
                q |= 1 << bit;
            }
        }
        q
    }

    /// The decimal digits (`"0"` for zero).
    pub fn to_decimal(&self) -> String {
        let mut chunks = Vec::new();
        let mut n = self.clone();
        while !n.is_zero() {
            let mut rem = 0u64;
            for limb in n.0.iter_mut().rev() {
                let v = (rem << 32) | u64::from(*limb);
                *limb = (v / 1_000_000_000) as u32;
                rem = v % 1_000_000_000;
            }
            n.trim();
            chunks.push(rem as u32);
        }
        let mut out = chunks.pop().map_or("0".to_string(), |c| c.to_string());
        for c in chunks.iter().rev() {
            let s = c.to_string();
            out.extend(std::iter::repeat_n('0', 9 - s.len()));
            out.push_str(&s);
        }
        out
    }
}
