/** What `policy export` produces for one client. */
export interface PolicyExport {
  /** The file's content, in the client's own format. */
  text: string;
  /** Where device management delivers it, and what of the policy the client cannot enforce. */
  notes: string[];
}
