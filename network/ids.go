package network

import (
	"hash/maphash"
	"maps"
	"slices"
)

// idIndex finds actors by ID. A Go map of strings keeps each key as a
// pointer to its bytes, so finding an ID among millions reads two places
// far apart in memory: the map's slot, then the string. idIndex is an
// open-addressing table whose slots hold the ID itself when it is short
// (most are: "emp-000123"), so that finding one reads one slot; longer IDs
// go to a map. Its zero value is empty and ready to use.
type idIndex struct {
	slots []idSlot         // a power of two long, at most half full
	used  int              // slots in use
	long  map[string]int32 // IDs longer than idInline bytes
	seed  maphash.Seed     // set with the first slot
}

// idInline is the longest ID a slot holds.
const idInline = 23

// idSlot is one slot: 32 bytes, two to a cache line.
type idSlot struct {
	key  [idInline]byte
	n    uint8  // the ID's length
	hash uint32 // the low bits of its hash
	at   int32  // the position + 2; 0 marks an empty slot
}

// get returns the position stored for id (-1 for an ID Build reserves).
func (x *idIndex) get(id string) (int, bool) {
	if len(id) > idInline {
		at, ok := x.long[id]
		return int(at), ok
	}
	if x.used == 0 {
		return 0, false
	}
	h := uint32(maphash.String(x.seed, id))
	mask := uint32(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.at == 0 {
			return 0, false
		}
		if s.hash == h && int(s.n) == len(id) && string(s.key[:s.n]) == id {
			return int(s.at) - 2, true
		}
	}
}

// put stores the position at (-1 or more) for id.
func (x *idIndex) put(id string, at int) {
	if len(id) > idInline {
		if x.long == nil {
			x.long = make(map[string]int32)
		}
		x.long[id] = int32(at)
		return
	}
	if 2*(x.used+1) > len(x.slots) {
		x.grow(x.used + 1)
	}
	h := uint32(maphash.String(x.seed, id))
	mask := uint32(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.at == 0 {
			s.n, s.hash, s.at = uint8(copy(s.key[:], id)), h, int32(at)+2
			x.used++
			return
		}
		if s.hash == h && int(s.n) == len(id) && string(s.key[:s.n]) == id {
			s.at = int32(at) + 2
			return
		}
	}
}

// grow makes room for at least n short IDs in all.
func (x *idIndex) grow(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if size <= len(x.slots) {
		return
	}
	if x.slots == nil {
		x.seed = maphash.MakeSeed()
	}
	old := x.slots
	x.slots = make([]idSlot, size)
	mask := uint32(size - 1)
	for _, s := range old {
		if s.at == 0 {
			continue
		}
		i := s.hash & mask
		for x.slots[i].at != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = s
	}
}

// clone returns a copy of x.
func (x *idIndex) clone() idIndex {
	return idIndex{slots: slices.Clone(x.slots), used: x.used, long: maps.Clone(x.long), seed: x.seed}
}
