// GET /jobs/<id>.jsonld: an open posting's schema.org JobPosting JSON-LD, the same document as
// JobPosting.jsonLd, for crawlers. Unknown, malformed or closed: 404 (a closed posting must
// drop out of Google's index).
import type { NextFunction, Request, Response } from 'express';
import type { PostingFeedService } from '../../postings/posting-feed.service.js';

const FILE = /^([0-9a-fA-F]{24})\.jsonld$/;

export function jsonLdRoute(feeds: PostingFeedService) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const m = FILE.exec(String(req.params.file));
      const doc = m ? await feeds.openPostingJsonLd(m[1]) : null;
      if (!doc) {
        res.status(404).json({ errors: [{ message: 'No open job posting with this id', extensions: { code: 'NOT_FOUND' } }] });
        return;
      }
      res.status(200).type('application/ld+json; charset=utf-8').send(JSON.stringify(doc));
    } catch (err) {
      next(err);
    }
  };
}
