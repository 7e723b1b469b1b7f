//! The detection layers. Each one looks at the input from one angle and adds [`Reason`]s
//! (crate::verdict::Reason) to the findings; none of them decides the level alone.

pub(crate) mod domain;
pub(crate) mod link;
pub(crate) mod pattern;
